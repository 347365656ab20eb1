package io.zwgk.bot.stats;

import java.util.List;
import java.util.Objects;

/**
 * An uploaded table read by {@link Spreadsheets}: its header and the non-empty rows below it.
 *
 * @param headerRow the header's row number as the spreadsheet shows it (1-based)
 * @param header the header cells, normalised (NFKC, blanks and invisible characters removed); empty strings for empty
 *     cells
 * @param rows the non-empty data rows below the header, in file order
 */
public record Sheet(int headerRow, List<String> header, List<Row> rows) {
  public Sheet {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** The 0-based position of the first header cell equal to {@code name}, or -1. */
  public int column(String name) {
    return header.indexOf(name);
  }

  /**
   * One data row.
   *
   * @param row the row number as the spreadsheet shows it (1-based)
   * @param cells the cells' texts as read, left to right (not normalised); an Excel date cell reads as
   *     {@code yyyy-MM-dd}
   */
  public record Row(int row, List<String> cells) {
    public Row {
      Objects.requireNonNull(cells, "cells");
      cells = List.copyOf(cells);
    }

    /** The cell at a 0-based column, or an empty string past the end or for a missing column (-1). */
    public String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }
  }
}
