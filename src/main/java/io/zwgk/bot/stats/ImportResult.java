package io.zwgk.bot.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.YearMonth;
import java.util.List;

/**
 * What an accepted import stored.
 *
 * @param period the month
 * @param rows number of unit rows stored
 * @param newUnits units seen for the first time
 * @param warnings accepted rows with something worth a look (e.g. a 完成比例 that disagrees with the figures)
 */
public record ImportResult(YearMonth period, int rows, List<String> newUnits, List<RowProblem> warnings) {
  public ImportResult {
    newUnits = List.copyOf(newUnits);
    warnings = List.copyOf(warnings);
  }

  public JsonObject toJson() {
    return new JsonObject().put("period", period.toString()).put("rows", rows)
        .put("newUnits", new JsonArray(newUnits))
        .put("warnings", RowProblem.toJson(warnings));
  }
}
