package io.zwgk.bot.bulletin;

import io.zwgk.bot.monitor.MonitorCategory;
import io.zwgk.bot.monitor.MonitorFact;
import io.zwgk.bot.remind.TrackedItem.Column;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Names the page a monitor finding was seen on as the bulletin does: the tracked column whose address it is, or
 * under whose folder it lies ({@code …/gzdt/202404/t0419_1.html} is in the column at {@code …/gzdt/index.html}); else
 * 信息公开指南 for a guide finding and 网站 for the rest (both from the templates). Pure.
 */
final class PageNames {
  private static final int MIN_FOLDER_SLASHES = 4;

  private final List<Column> columns;
  private final String site;
  private final String guide;

  PageNames(List<Column> columns, BulletinTemplates t) {
    this.columns = List.copyOf(columns);
    this.site = t.text("monitoring.labels.site");
    this.guide = t.text("monitoring.labels.guidePage");
  }

  String of(MonitorFact fact) {
    String page = fact.page();
    List<Column> mine = columns.stream().filter(c -> c.unit().equals(fact.finding().unit()) && !c.url().isBlank())
        .toList();
    Optional<Column> exact = mine.stream().filter(c -> c.url().equals(page)).findFirst();
    Optional<Column> within = exact.isPresent() ? exact : mine.stream()
        .filter(c -> folder(c.url()).filter(page::startsWith).isPresent())
        .max(Comparator.comparingInt(c -> folder(c.url()).orElseThrow().length()));
    return within.map(Column::column).orElse(fact.category() == MonitorCategory.GUIDE ? guide : site);
  }

  /** The folder of a column's address ({@code https://host/a/b/}), when it is below the site's root. */
  private static Optional<String> folder(String url) {
    String u = url.replaceFirst("[?#].*$", "");
    String dir = u.endsWith("/") ? u : u.substring(0, u.lastIndexOf('/') + 1);
    return dir.chars().filter(ch -> ch == '/').count() >= MIN_FOLDER_SLASHES ? Optional.of(dir) : Optional.empty();
  }
}
