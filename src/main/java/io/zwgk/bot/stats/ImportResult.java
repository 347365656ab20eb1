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
 * @param encoding the text encoding the file was read in: {@code UTF-8} (always for XLSX) or {@code GB18030}
 * @param newUnits units this import created: names that match no configured unit (accepted with
 *     {@code newUnits=accept})
 * @param warnings accepted rows with something worth a look (e.g. a 完成比例 that disagrees with the figures, a short
 *     name stored under the configured one)
 */
public record ImportResult(YearMonth period, int rows, String encoding, List<String> newUnits,
    List<RowProblem> warnings) {
  public ImportResult {
    newUnits = List.copyOf(newUnits);
    warnings = List.copyOf(warnings);
  }

  /** True when the file was read as GB18030 (GBK) rather than UTF-8. */
  public boolean readAsGb18030() {
    return Tables.GB18030.equals(encoding);
  }

  public JsonObject toJson() {
    return new JsonObject().put("period", period.toString()).put("rows", rows).put("encoding", encoding)
        .put("newUnits", new JsonArray(newUnits))
        .put("warnings", RowProblem.toJson(warnings));
  }
}
