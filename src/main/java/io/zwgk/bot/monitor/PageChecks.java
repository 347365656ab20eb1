package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.Fetch.Ok;
import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads one fetched page: its links and images, the text checks (privacy, 错敏字, and for a 信息公开指南 the contact
 * details) and for a column's list page the newest date. A readable attachment ({@link Attachments}) gets the
 * privacy check. CPU-bound (parsing): run it off the event loop. Pure.
 */
final class PageChecks {
  private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

  private PageChecks() {
  }

  /** What kind of page it is, which decides the checks. */
  enum Kind { HOME, GUIDE, COLUMN, ITEM }

  /**
   * The facts of one page.
   *
   * @param links targets to check
   * @param observations text problems (privacy, 错敏字, guide)
   * @param list for a list page, its dates
   */
  record Facts(String url, List<PageLinks.Link> links, List<Observation> observations, Optional<ListDates.Scan> list) {
    Facts {
      Objects.requireNonNull(url, "url");
      links = List.copyOf(links);
      observations = List.copyOf(observations);
      Objects.requireNonNull(list, "list");
    }
  }

  /** The inputs that do not change within a run. */
  record Context(String unit, GuideContact guide, Map<String, String> dictionary, Optional<String> dateSelector,
      LocalDate today, int newestItems) {
  }

  static Facts analyse(Ok page, Kind kind, Context cx) {
    if (!isHtml(page)) {
      List<Observation> found = Attachments.readable(page.url())
          ? Attachments.text(page).map(text -> privacy(text, page.url(), cx)).orElse(List.of()) : List.of();
      return new Facts(page.url(), List.of(), found, kind == Kind.COLUMN
          ? Optional.of(new ListDates.Undated("不是网页 (not HTML: " + page.contentType() + ")")) : Optional.empty());
    }
    Document doc = parse(page);
    String text = PageText.of(doc.body());
    List<Observation> found = new ArrayList<>(privacy(text, page.url(), cx));
    found.addAll(typos(text, page.url(), cx));
    if (kind == Kind.GUIDE) {
      found.addAll(guide(text, page.url(), cx));
    }
    Optional<ListDates.Scan> list = kind == Kind.COLUMN
        ? Optional.of(ListDates.scan(doc, cx.dateSelector(), cx.today(), cx.newestItems())) : Optional.empty();
    return new Facts(page.url(), PageLinks.of(doc), found, list);
  }

  private static boolean isHtml(Ok page) {
    String type = page.contentType().toLowerCase(Locale.ROOT);
    return type.isEmpty() || type.contains("html") || type.contains("xml") && !type.contains("svg");
  }

  private static Document parse(Ok page) {
    Matcher m = CHARSET.matcher(page.contentType());
    String charset = m.find() ? m.group(1) : null;
    try {
      return Jsoup.parse(new ByteArrayInputStream(page.body().getBytes()), charset, page.url());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Privacy observations of a text seen at {@code page} (a page or an attachment). */
  static List<Observation> privacy(String text, String page, Context cx) {
    List<PrivacyScanner.Leak> leaks = PrivacyScanner.find(text, cx.today());
    return leaks.stream().map(l -> new Observation(cx.unit(), MonitorCategory.PRIVACY,
        l.kind().label() + " " + l.masked() + "（" + page + "）", page, PrivacyScanner.excerpt(text, l, leaks)))
        .toList();
  }

  private static List<Observation> typos(String text, String page, Context cx) {
    return TypoScanner.find(text, cx.dictionary()).stream().map(h -> new Observation(cx.unit(), MonitorCategory.TYPO,
        "“" + h.wrong() + "”应为“" + h.right() + "”（" + page + "）", page,
        h.sentence() + (h.count() > 1 ? "（共 " + h.count() + " 处）" : ""))).toList();
  }

  private static List<Observation> guide(String text, String page, Context cx) {
    return GuideCheck.check(text, cx.guide()).stream().map(m -> new Observation(cx.unit(), MonitorCategory.GUIDE,
        "信息公开指南" + m.field() + "应为 " + m.expected() + "（" + page + "）", page, "页面写的是：" + m.quote()))
        .toList();
  }
}
