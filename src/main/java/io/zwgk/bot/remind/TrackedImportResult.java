package io.zwgk.bot.remind;

import io.vertx.core.json.JsonObject;
import io.zwgk.bot.stats.RowProblem;
import java.util.List;
import java.util.Objects;

/**
 * What an accepted tracked-item import stored.
 *
 * @param kind what the table listed
 * @param rows items stored
 * @param created items new to the store (the others kept their ids and took the file's fields)
 * @param warnings accepted rows with something worth a look
 */
public record TrackedImportResult(TrackedKind kind, int rows, int created, List<RowProblem> warnings) {
  public TrackedImportResult {
    Objects.requireNonNull(kind, "kind");
    warnings = List.copyOf(warnings);
  }

  /** {@code {"kind","rows","created","updated","warnings"}} for API answers. */
  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.path()).put("rows", rows).put("created", created)
        .put("updated", rows - created).put("warnings", RowProblem.toJson(warnings));
  }
}
