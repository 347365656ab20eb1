package io.zwgk.bot.bulletin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.stats.Category;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bulletins, narrative items and publications as JSON: the admin API's answers and what the store keeps. Dates are ISO
 * {@code yyyy-MM-dd}, instants ISO-8601, ratios numbers with two decimals. Stateless.
 */
public final class BulletinJson {
  private BulletinJson() {
  }

  /** The whole bulletin, with each section, the tables, what is missing and the full text. */
  public static JsonObject toJson(Bulletin b) {
    JsonObject o = new JsonObject().put("period", b.period().toString()).put("title", b.title())
        .put("preface", b.preface()).put("status", b.status().name().toLowerCase(Locale.ROOT))
        .put("issueDate", b.issueDate().toString()).put("rectificationDeadline", b.rectificationDeadline().toString())
        .put("sections", new JsonArray(b.sections().stream()
            .map(s -> new JsonObject().put("title", s.title()).put("text", s.text())).collect(Collectors.toList())))
        .put("tables", new JsonArray(b.tables().stream().map(BulletinJson::table).collect(Collectors.toList())))
        .put("missing", new JsonArray(b.missing())).put("notes", new JsonArray(b.notes()))
        .put("number", b.number()).put("issuer", b.issuer())
        .put("corrections", new JsonArray(b.corrections().stream().map(BulletinJson::toJson)
            .collect(Collectors.toList())))
        .put("fullText", b.fullText());
    b.publication().ifPresent(p -> o.put("publication", toJson(p)));
    return o;
  }

  /** A bulletin stored by {@link #toJson(Bulletin)}; the full text is derived again. */
  public static Bulletin bulletin(JsonObject o) {
    List<Bulletin.Section> sections = o.getJsonArray("sections").stream().map(JsonObject.class::cast)
        .map(s -> new Bulletin.Section(s.getString("title"), s.getString("text"))).toList();
    List<Bulletin.Table> tables = o.getJsonArray("tables").stream().map(JsonObject.class::cast)
        .map(BulletinJson::table).toList();
    Optional<Publication> publication =
        Optional.ofNullable(o.getJsonObject("publication")).map(BulletinJson::publication);
    List<Correction> corrections = Optional.ofNullable(o.getJsonArray("corrections")).map(a -> a.stream()
        .map(JsonObject.class::cast).map(c -> correction(c.getInteger("number"), c)).toList()).orElse(List.of());
    return new Bulletin(YearMonth.parse(o.getString("period")), o.getString("title"), o.getString("preface", ""),
        Bulletin.Status.valueOf(o.getString("status").toUpperCase(Locale.ROOT)),
        LocalDate.parse(o.getString("issueDate")), LocalDate.parse(o.getString("rectificationDeadline")),
        sections, tables, strings(o.getJsonArray("missing")), strings(o.getJsonArray("notes")), publication,
        o.getInteger("number", 0), o.getString("issuer", ""), corrections);
  }

  /** A correction with its number, as the admin API answers it. */
  public static JsonObject toJson(Correction c) {
    return new JsonObject().put("number", c.number()).put("text", c.text()).put("day", c.day().toString())
        .put("correctedAt", c.correctedAt().toString()).put("platform", c.platform()).put("userId", c.userId())
        .put("userName", c.userName());
  }

  /** A correction stored by {@link #toJson(Correction)}, numbered {@code number} (the store keeps it in the key). */
  public static Correction correction(int number, JsonObject o) {
    return new Correction(number, o.getString("text"), LocalDate.parse(o.getString("day")),
        Instant.parse(o.getString("correctedAt")),
        o.getString("platform"), o.getString("userId", ""), o.getString("userName", ""));
  }

  public static JsonObject toJson(NarrativeItem i) {
    return new JsonObject().put("id", i.id()).put("section", i.section()).put("text", i.text())
        .put("addedBy", i.addedBy()).put("addedAt", i.addedAt().toString());
  }

  public static NarrativeItem item(JsonObject o) {
    return new NarrativeItem(o.getString("id"), o.getString("section"), o.getString("text"),
        o.getString("addedBy", ""), Instant.parse(o.getString("addedAt")));
  }

  public static JsonObject toJson(Publication p) {
    return new JsonObject().put("publishedAt", p.publishedAt().toString()).put("platform", p.platform())
        .put("userId", p.userId()).put("userName", p.userName()).put("issueDate", p.issueDate().toString())
        .put("groups", new JsonArray(p.groups()));
  }

  public static Publication publication(JsonObject o) {
    return new Publication(Instant.parse(o.getString("publishedAt")), o.getString("platform"), o.getString("userId"),
        o.getString("userName", ""), LocalDate.parse(o.getString("issueDate")), strings(o.getJsonArray("groups")));
  }

  private static JsonObject table(Bulletin.Table t) {
    return new JsonObject().put("label", t.label()).put("title", t.title()).put("category", t.category().label())
        .put("month", t.month()).put("headers", new JsonArray(t.headers()))
        .put("rows", new JsonArray(t.rows().stream().map(r -> new JsonObject().put("unit", r.unit())
            .put("task", r.task()).put("total", r.total()).put("month", r.month()).put("ratio", r.ratio()))
            .collect(Collectors.toList())));
  }

  private static Bulletin.Table table(JsonObject o) {
    List<Bulletin.Row> rows = o.getJsonArray("rows").stream().map(JsonObject.class::cast)
        .map(r -> new Bulletin.Row(r.getString("unit"), r.getInteger("task"), r.getInteger("total"),
            r.getInteger("month")))
        .toList();
    Category category = Category.parse(o.getString("category"))
        .orElseThrow(() -> new IllegalArgumentException("unknown table category " + o.getString("category")));
    return new Bulletin.Table(o.getString("label"), o.getString("title"), category, o.getInteger("month"), rows);
  }

  private static List<String> strings(JsonArray a) {
    return a == null ? List.of() : a.stream().map(String::valueOf).toList();
  }
}
