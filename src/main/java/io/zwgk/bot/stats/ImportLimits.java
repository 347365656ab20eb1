package io.zwgk.bot.stats;

/** Caps that keep a hostile or mistaken upload from exhausting memory or time. */
final class ImportLimits {
  /** Data rows below the header. */
  static final int MAX_DATA_ROWS = 20_000;
  /** Non-empty rows above the header that may hold a title. */
  static final int MAX_TITLE_ROWS = 10;
  /** Non-empty rows a reader returns at most: titles, header, data and one more to detect the overflow. */
  static final int MAX_TABLE_ROWS = MAX_TITLE_ROWS + 1 + MAX_DATA_ROWS + 1;
  /** Consecutive blank rows after which a reader stops: what follows them is not read. */
  static final int MAX_BLANK_RUN = 1_000;
  /** The last row number a reader goes to, blank rows included (the table rows plus room for some blank ones). */
  static final int MAX_SCANNED_ROWS = MAX_TABLE_ROWS + MAX_BLANK_RUN;
  static final int MAX_CELL_CHARS = 200;
  static final int MAX_COLUMNS = 64;
  /** Sum of the uncompressed sizes of all entries of an XLSX file. */
  static final long MAX_XLSX_INFLATED_BYTES = 100L * 1024 * 1024;
  static final int MAX_XLSX_ENTRIES = 1_000;
  /** Errors and warnings listed individually; the rest are summarised in one line. */
  static final int MAX_LISTED_PROBLEMS = 100;

  private ImportLimits() {}

  static TableException cellTooLong(int row) {
    return new TableException(row, "有单元格超过" + MAX_CELL_CHARS + "个字符");
  }

  static TableException tooManyColumns(int row) {
    return new TableException(row, "列数超过" + MAX_COLUMNS + "列");
  }
}
