package io.zwgk.bot.monitor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the newest item date of a column's list page. With a CSS selector the selected elements hold the dates;
 * without one, the list rows ({@code li}, {@code tr}, {@code dd}, {@code dt} holding a link, else each link's parent)
 * do, read outside the link text first so a date in a title does not count as the publication date. A page where no
 * row has a date is {@link Undated}, never fresh. Pure.
 */
final class ListDates {
  private static final String ROWS = "li, tr, dd, dt";

  private ListDates() {
  }

  /** A dated row of the list. */
  record Item(LocalDate date, Optional<String> url, String title) {
    Item {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(url, "url");
    }
  }

  /** What a list page says about its freshness. */
  sealed interface Scan permits Dated, Undated {
  }

  /** The newest date and the newest linked items, newest first. */
  record Dated(LocalDate newest, List<Item> newestItems) implements Scan {
    Dated {
      newestItems = List.copyOf(newestItems);
    }
  }

  /** No date could be read; {@code reason} says why. */
  record Undated(String reason) implements Scan {
  }

  static Scan scan(Document doc, Optional<String> selector, LocalDate today, int newestItems) {
    List<Item> items = new ArrayList<>();
    if (selector.isPresent()) {
      doc.select(selector.get()).forEach(e -> item(e, DateFinder.find(e.text(), today), linkOf(e)).ifPresent(items::add));
      if (items.isEmpty()) {
        return new Undated("选择器“" + selector.get() + "”未选中任何日期 (selector matched no date)");
      }
    } else {
      rows(doc, today, items);
      if (items.isEmpty()) {
        return new Undated("列表中未找到发布日期 (no dated list rows)");
      }
    }
    items.sort(Comparator.comparing(Item::date).reversed());
    List<Item> linked = items.stream().filter(i -> i.url().isPresent()).distinct().limit(newestItems).toList();
    return new Dated(items.get(0).date(), linked);
  }

  private static void rows(Document doc, LocalDate today, List<Item> items) {
    Collection<Element> rows = doc.select(ROWS).stream()
        .filter(e -> e.select(ROWS).size() == 1 && e.selectFirst("a[href]") != null).toList();
    rows.forEach(e -> row(e, today).ifPresent(items::add));
    if (items.isEmpty()) {
      LinkedHashSet<Element> parents = new LinkedHashSet<>();
      doc.select("a[href]").forEach(a -> parents.add(a.parent() == null ? a : a.parent()));
      parents.forEach(e -> row(e, today).ifPresent(items::add));
    }
  }

  private static Optional<Item> row(Element row, LocalDate today) {
    Element outside = row.clone();
    outside.select("a").remove();
    List<LocalDate> dates = DateFinder.find(outside.text(), today);
    return item(row, dates.isEmpty() ? DateFinder.find(row.text(), today) : dates, row.selectFirst("a[href]"));
  }

  private static Optional<Item> item(Element e, List<LocalDate> dates, Element link) {
    Optional<LocalDate> newest = dates.stream().max(Comparator.naturalOrder());
    Optional<String> url = Optional.ofNullable(link).map(a -> a.absUrl("href")).filter(u -> u.startsWith("http"))
        .map(PageLinks::withoutFragment);
    String title = link == null ? e.text() : link.hasAttr("title") ? link.attr("title") : link.text();
    return newest.map(d -> new Item(d, url, title.strip()));
  }

  private static Element linkOf(Element e) {
    if (e.nameIs("a") && e.hasAttr("href")) {
      return e;
    }
    Element row = e.closest(ROWS);
    Element scope = row != null ? row : e.parent() != null ? e.parent() : e;
    return scope.selectFirst("a[href]");
  }
}
