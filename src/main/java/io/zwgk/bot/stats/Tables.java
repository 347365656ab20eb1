package io.zwgk.bot.stats;

import java.util.List;

/**
 * The non-empty rows of every sheet of an uploaded table, and the text encoding it was read in.
 *
 * @param encoding {@code UTF-8} or {@code GB18030} for a CSV file; {@code UTF-8} for XLSX (always Unicode)
 * @param sheets the sheets in workbook order; a CSV file is one sheet without a name
 */
record Tables(String encoding, List<Part> sheets) {
  static final String UTF_8 = "UTF-8";
  static final String GB18030 = "GB18030";

  Tables {
    sheets = List.copyOf(sheets);
  }

  /**
   * One sheet.
   *
   * @param name the sheet's name, empty for a CSV file
   * @param rows its non-empty rows, header and titles included
   */
  record Part(String name, List<RawRow> rows) {
    Part {
      rows = List.copyOf(rows);
    }
  }
}
