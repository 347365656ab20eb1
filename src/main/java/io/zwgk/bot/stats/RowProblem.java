package io.zwgk.bot.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * One problem found while importing a statistics file.
 *
 * @param row the row as the spreadsheet shows it (header = 1), or 0 when the problem concerns the whole file
 * @param message a short plain-Chinese reason
 */
public record RowProblem(int row, String message) {
  public RowProblem {
    Objects.requireNonNull(message, "message");
    if (row < 0 || message.isBlank()) {
      throw new IllegalArgumentException("bad problem: row " + row + ", message '" + message + "'");
    }
  }

  /** {@code 第3行：缺少单位名称}, or just the message for a whole-file problem. */
  @Override
  public String toString() {
    return row == 0 ? message : "第" + row + "行：" + message;
  }

  /** {@code [{"row": 3, "message": "…"}, …]} for API answers. */
  public static JsonArray toJson(List<RowProblem> problems) {
    JsonArray array = new JsonArray();
    problems.forEach(p -> array.add(new JsonObject().put("row", p.row()).put("message", p.message())));
    return array;
  }
}
