package io.zwgk.bot.stats;

import java.util.List;

/**
 * One non-empty row of an uploaded table, before interpretation.
 *
 * @param row the row number as the spreadsheet shows it (1-based)
 * @param cells the cells' texts, left to right; numbers as plain decimal text
 */
record RawRow(int row, List<String> cells) {
  RawRow {
    cells = List.copyOf(cells);
  }

  /** The cell at a 0-based column, or an empty string past the end or for a missing column (-1). */
  String cell(int column) {
    return column >= 0 && column < cells.size() ? cells.get(column) : "";
  }

  boolean isBlank() {
    return cells.stream().allMatch(c -> Cells.clean(c).isEmpty());
  }
}
