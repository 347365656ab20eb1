package io.zwgk.bot.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The link and image targets of a page, absolute, without fragments, once each. Pure. */
final class PageLinks {
  private static final int MAX_TEXT = 40;

  private PageLinks() {
  }

  /**
   * One target of a page.
   *
   * @param url absolute http(s) address without fragment
   * @param text the link text (or an image's alt text), shortened
   * @param image true for an {@code img} source
   */
  record Link(String url, String text, boolean image) {
    Link {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(text, "text");
    }
  }

  /** Links first, then images, in page order; a target seen twice keeps its first text; {@code #…} links are skipped. */
  static List<Link> of(Document doc) {
    Map<String, Link> links = new LinkedHashMap<>();
    for (Element a : doc.select("a[href]")) {
      if (a.attr("href").strip().startsWith("#")) {
        continue;
      }
      add(links, a.absUrl("href"), text(a), false);
    }
    for (Element img : doc.select("img[src]")) {
      add(links, img.absUrl("src"), img.attr("alt").isBlank() ? "图片" : img.attr("alt"), true);
    }
    return new ArrayList<>(links.values());
  }

  private static String text(Element a) {
    if (!a.text().isBlank()) {
      return a.text();
    }
    Element img = a.selectFirst("img[alt]");
    return !a.attr("title").isBlank() ? a.attr("title") : img != null ? img.attr("alt") : "";
  }

  private static void add(Map<String, Link> links, String absolute, String text, boolean image) {
    String lower = absolute.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return;
    }
    String url = withoutFragment(absolute);
    links.putIfAbsent(url + (image ? "#img" : ""), new Link(url, shorten(text), image));
  }

  static String withoutFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  static String shorten(String text) {
    String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT - 1) + "…";
  }
}
