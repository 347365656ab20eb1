package io.zwgk.bot.monitor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one monitor run did: the columns it dated, the findings it opened, saw again and closed, the pages it could
 * not read, and how many requests it made.
 *
 * @param unit the unit scanned, empty for all
 * @param requests requests made (robots.txt not counted)
 * @param budgetSpent true when the page budget ran out, so some targets were not checked
 * @param skipped targets not requested, by reason (outside_hosts, robots, budget, bad_address)
 */
public record MonitorReport(Optional<String> unit, Instant started, Instant finished, int requests,
    boolean budgetSpent, Map<String, Integer> skipped, List<ColumnCheck> columns, List<FindingLine> opened,
    List<FindingLine> seenAgain, List<FindingLine> closed, List<PageProblem> problems) {

  public MonitorReport {
    Objects.requireNonNull(unit, "unit");
    skipped = Map.copyOf(skipped);
    columns = List.copyOf(columns);
    opened = List.copyOf(opened);
    seenAgain = List.copyOf(seenAgain);
    closed = List.copyOf(closed);
    problems = List.copyOf(problems);
  }

  /** How a column's list page was read. */
  public enum ColumnStatus {
    /** The newest date was read and stored as the column's last update. */
    DATED,
    /** The page was read but has no readable date: reported, the stored date is kept (never "fresh"). */
    UNDATED,
    /** The page could not be fetched. */
    UNREACHABLE,
    /** The page was not requested (robots.txt, budget, host not allowed). */
    SKIPPED
  }

  /**
   * One tracked column.
   *
   * @param newest the newest item date found, when {@link ColumnStatus#DATED}
   * @param previous the last-update date stored before this run
   * @param note why it is not dated, empty when it is
   */
  public record ColumnCheck(String id, String unit, String column, String url, ColumnStatus status,
      Optional<LocalDate> newest, LocalDate previous, String note) {
    public ColumnCheck {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(newest, "newest");
    }
  }

  /** A finding as the report shows it, with the page and excerpt of this run. */
  public record FindingLine(String id, String unit, String category, String text, String page, String excerpt) {
  }

  /** A page that could not be read, and why. */
  public record PageProblem(String unit, String url, String problem) {
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("unit", unit.orElse(null))
        .put("started", started.toString())
        .put("finished", finished.toString())
        .put("requests", requests)
        .put("budgetSpent", budgetSpent)
        .put("skipped", new JsonObject(Map.copyOf(skipped)))
        .put("columns", array(columns.stream().map(MonitorReport::column).toList()))
        .put("opened", lines(opened))
        .put("seenAgain", lines(seenAgain))
        .put("closed", lines(closed))
        .put("problems", array(problems.stream().map(p -> new JsonObject().put("unit", p.unit()).put("url", p.url())
            .put("problem", p.problem())).toList()));
  }

  private static JsonObject column(ColumnCheck c) {
    return new JsonObject().put("id", c.id()).put("unit", c.unit()).put("column", c.column()).put("url", c.url())
        .put("status", c.status().name().toLowerCase(java.util.Locale.ROOT))
        .put("newest", c.newest().map(LocalDate::toString).orElse(null))
        .put("previous", c.previous().toString()).put("note", c.note());
  }

  private static JsonArray lines(List<FindingLine> lines) {
    return array(lines.stream().map(f -> new JsonObject().put("id", f.id()).put("unit", f.unit())
        .put("category", f.category()).put("text", f.text()).put("page", f.page()).put("excerpt", f.excerpt()))
        .toList());
  }

  private static JsonArray array(List<JsonObject> items) {
    return new JsonArray(items.stream().collect(Collectors.toList()));
  }
}
