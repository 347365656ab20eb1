package io.zwgk.bot.imports;

import io.vertx.core.json.JsonObject;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.TableFormat;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a staff member sent to the robot, read and previewed, kept until they confirm or cancel it: its bytes (the
 * import reads them again on confirmation, as the admin API would) and what the preview recognised.
 *
 * @param fileName the file's name as sent
 * @param format CSV or XLSX, from the name
 * @param kind the tracked kind, or empty for a month's statistics
 * @param period the statistics' month (empty for a tracked kind)
 * @param category the category the file name gives, for statistics rows without one
 * @param receivedAt when the preview was answered; the confirmation window runs from here
 */
record PendingImport(String fileName, TableFormat format, Optional<TrackedKind> kind, Optional<YearMonth> period,
    Optional<Category> category, Instant receivedAt, byte[] body) {
  PendingImport {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(body, "body");
    if (kind.isEmpty() == period.isEmpty()) {
      throw new IllegalArgumentException("a pending import is either a month's statistics or a tracked kind");
    }
  }

  String encode() {
    JsonObject o = new JsonObject().put("fileName", fileName).put("format", format.name())
        .put("receivedAt", receivedAt.toEpochMilli()).put("body", Base64.getEncoder().encodeToString(body));
    kind.ifPresent(k -> o.put("kind", k.path()));
    period.ifPresent(p -> o.put("period", p.toString()));
    category.ifPresent(c -> o.put("category", c.name()));
    return o.encode();
  }

  static PendingImport decode(String json) {
    JsonObject o = new JsonObject(json);
    return new PendingImport(o.getString("fileName"), TableFormat.valueOf(o.getString("format")),
        Optional.ofNullable(o.getString("kind")).flatMap(TrackedKind::fromPath),
        Optional.ofNullable(o.getString("period")).map(YearMonth::parse),
        Optional.ofNullable(o.getString("category")).map(Category::valueOf),
        Instant.ofEpochMilli(o.getLong("receivedAt")), Base64.getDecoder().decode(o.getString("body")));
  }
}
