package io.zwgk.bot.remind;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Maps tracked items to the JSON the store keeps and back. The stored JSON holds an item's fields but neither its id
 * (the store's hash field) nor its kind (the store's key); dates are ISO {@code yyyy-MM-dd}. Stateless.
 */
public final class TrackedCodec {
  private static final List<String> FINDING_PROGRESS = List.of("state", "answer");

  private TrackedCodec() {}

  /** The stored JSON of an item. */
  public static String encode(TrackedItem item) {
    return fields(item).encode();
  }

  /**
   * Whether an imported item would leave the stored one as it is: the same fields, apart from the id and those a
   * re-import keeps ({@link #keptOnImport}).
   */
  static boolean sameOnImport(TrackedItem imported, TrackedItem stored) {
    JsonObject a = fields(imported);
    JsonObject b = fields(stored);
    keptOnImport(imported.kind()).forEach(k -> {
      a.remove(k);
      b.remove(k);
    });
    return a.equals(b);
  }

  /** The item stored under {@code id} in {@code kind}'s hash. */
  public static TrackedItem decode(TrackedKind kind, String id, String json) {
    JsonObject o = new JsonObject(json);
    String unit = o.getString("unit");
    return switch (kind) {
      case COLUMNS -> new TrackedItem.Column(id, unit, o.getString("column"), o.getString("url", ""),
          o.getString("class"), date(o, "lastUpdate"));
      case ACCOUNTS -> new TrackedItem.Account(id, unit, o.getString("account"), date(o, "lastPost"),
          o.getBoolean("closing", false), o.getBoolean("closed", false));
      case TASKS -> new TrackedItem.Task(id, unit, o.getString("task"), date(o, "deadline"),
          o.getBoolean("done", false), date(o, "doneOn"), date(o, "assigned"), o.getString("requirement", ""));
      case OPENDAYS -> new TrackedItem.OpenDay(id, unit, date(o, "date"), o.getBoolean("planSubmitted", false),
          o.getBoolean("publicized", false));
      case POLICIES -> new TrackedItem.Policy(id, unit, o.getString("title"), date(o, "published"),
          o.getBoolean("interpreted", false));
      case LETTERS -> new TrackedItem.Letter(id, unit, o.getString("reference"), date(o, "received"),
          o.getBoolean("extended", false), o.getBoolean("answered", false));
      case FINDINGS -> new TrackedItem.Finding(id, unit, o.getString("category"), o.getString("text"),
          date(o, "issued"), date(o, "deadline"), TrackedItem.FindingState.valueOf(o.getString("state", "OPEN")),
          Optional.ofNullable(o.getString("answer")));
    };
  }

  /**
   * The stored fields a re-import keeps from the existing item, because commands own them rather than the file: a
   * finding's {@code state} and {@code answer}.
   */
  public static List<String> keptOnImport(TrackedKind kind) {
    return kind == TrackedKind.FINDINGS ? FINDING_PROGRESS : List.of();
  }

  /** The item for API answers: {@code id}, {@code kind} (its path) and its fields. */
  public static JsonObject toJson(TrackedItem item) {
    return new JsonObject().put("id", item.id()).put("kind", item.kind().path()).mergeIn(fields(item));
  }

  private static JsonObject fields(TrackedItem item) {
    JsonObject o = new JsonObject().put("unit", item.unit());
    return item.match(new TrackedItem.Cases<>() {
      @Override
      public JsonObject column(TrackedItem.Column c) {
        return o.put("column", c.column()).put("url", c.url()).put("class", c.columnClass())
            .put("lastUpdate", text(c.lastUpdate()));
      }

      @Override
      public JsonObject account(TrackedItem.Account a) {
        return o.put("account", a.account()).put("lastPost", text(a.lastPost())).put("closing", a.closing())
            .put("closed", a.closed());
      }

      @Override
      public JsonObject task(TrackedItem.Task t) {
        return o.put("task", t.task()).put("deadline", text(t.deadline())).put("done", t.done())
            .put("doneOn", text(t.doneOn())).put("assigned", text(t.assigned())).put("requirement", t.requirement());
      }

      @Override
      public JsonObject openDay(TrackedItem.OpenDay d) {
        return o.put("date", text(d.date())).put("planSubmitted", d.planSubmitted()).put("publicized", d.publicized());
      }

      @Override
      public JsonObject policy(TrackedItem.Policy p) {
        return o.put("title", p.title()).put("published", text(p.published())).put("interpreted", p.interpreted());
      }

      @Override
      public JsonObject letter(TrackedItem.Letter l) {
        return o.put("reference", l.reference()).put("received", text(l.received())).put("extended", l.extended())
            .put("answered", l.answered());
      }

      @Override
      public JsonObject finding(TrackedItem.Finding f) {
        o.put("category", f.category()).put("text", f.text()).put("issued", text(f.issued()))
            .put("deadline", text(f.deadline())).put("state", f.state().name());
        f.answer().ifPresent(a -> o.put("answer", a));
        return o;
      }
    });
  }

  private static String text(LocalDate date) {
    return date == null ? null : date.toString();
  }

  private static LocalDate date(JsonObject o, String field) {
    String text = o.getString(field);
    return text == null ? null : LocalDate.parse(text);
  }
}
