package io.zwgk.bot.monitor;

import io.zwgk.bot.remind.TrackedItem.Finding;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A finding the monitor opened, read back into its parts for the month-end bulletin. The monitor writes a finding's
 * text and evidence (see {@link PageChecks}, {@link SiteScanner}); this is the one place that reads them.
 *
 * @param finding the tracked finding
 * @param category its monitor category
 * @param page the page it was seen on ({@code ""} without evidence)
 * @param firstSeen the day a run first saw it (the finding's issue date without evidence)
 * @param detail links and images: the broken target; privacy: the kind of number ({@code 身份证号}); 错敏字:
 *     {@code “wrong”应为“right”}; guide: the field ({@code 地址}, {@code 电话}, {@code 传真})
 * @param expected guide: the canonical value; else {@code ""}
 * @param found guide: what the page says about the field; empty when it says nothing (or for other categories)
 */
public record MonitorFact(Finding finding, MonitorCategory category, String page, LocalDate firstSeen,
    String detail, String expected, Optional<String> found) {
  private static final String GUIDE_PREFIX = "信息公开指南";
  private static final String GUIDE_EXPECTED = "应为 ";
  private static final String QUOTE_PREFIX = "页面写的是：";
  private static final String SAYS_NOTHING = "页面未写明";

  public MonitorFact {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(found, "found");
  }

  /** The finding's parts when the monitor opened it (a monitor category and an issue date), else empty. */
  public static Optional<MonitorFact> of(Finding f, Optional<Evidence> evidence, ZoneId zone) {
    Optional<MonitorCategory> category = MonitorCategory.of(f.category());
    if (category.isEmpty() || f.issued() == null && evidence.isEmpty()) {
      return Optional.empty();
    }
    String page = evidence.map(Evidence::url).orElse("");
    LocalDate first = evidence.map(e -> LocalDate.ofInstant(e.firstSeen(), zone)).orElse(f.issued());
    String text = withoutPage(f.text().strip());
    return Optional.of(switch (category.get()) {
      case BROKEN_LINK, BROKEN_IMAGE, TYPO -> new MonitorFact(f, category.get(), page, first, text, "",
          Optional.empty());
      case PRIVACY -> new MonitorFact(f, category.get(), page, first, text.split(" ", 2)[0], "", Optional.empty());
      case GUIDE -> guide(f, page, first, text, evidence.map(Evidence::excerpt).orElse(""));
    });
  }

  private static MonitorFact guide(Finding f, String page, LocalDate first, String text, String excerpt) {
    String body = text.startsWith(GUIDE_PREFIX) ? text.substring(GUIDE_PREFIX.length()) : text;
    int at = body.indexOf(GUIDE_EXPECTED);
    String field = at < 0 ? body : body.substring(0, at);
    String expected = at < 0 ? "" : body.substring(at + GUIDE_EXPECTED.length()).strip();
    String quote = excerpt.startsWith(QUOTE_PREFIX) ? excerpt.substring(QUOTE_PREFIX.length()).strip() : excerpt;
    Optional<String> found = quote.isEmpty() || quote.startsWith(SAYS_NOTHING) ? Optional.empty()
        : Optional.of(quote);
    return new MonitorFact(f, MonitorCategory.GUIDE, page, first, field, expected, found);
  }

  /** The text without the {@code （page）} the monitor appends to keep keys distinct per page. */
  private static String withoutPage(String text) {
    return text.endsWith("）") && text.contains("（") ? text.substring(0, text.lastIndexOf('（')).strip() : text;
  }
}
