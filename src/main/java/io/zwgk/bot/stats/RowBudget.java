package io.zwgk.bot.stats;

/**
 * The rows a table reader may go through, blank ones included: reading stops at the first run of
 * {@value ImportLimits#MAX_BLANK_RUN} consecutive blank rows (rows an XLSX file leaves out count as blank; nothing
 * after the run is read), and a table whose rows go past row {@value ImportLimits#MAX_SCANNED_ROWS} before such a
 * run is refused; the sheets of one workbook share that limit. One per sheet; not thread-safe.
 */
final class RowBudget {
  private final int scannedBefore;
  private int lastRow;
  private int blankRun;

  /** The budget of a table read on its own. */
  RowBudget() {
    this(0);
  }

  /** The budget of a further sheet of a workbook whose earlier sheets went through {@code scannedBefore} rows. */
  RowBudget(int scannedBefore) {
    this.scannedBefore = scannedBefore;
  }

  /** The rows gone through so far, earlier sheets included: the {@code scannedBefore} of the next sheet. */
  int scanned() {
    return scannedBefore + lastRow;
  }

  /**
   * Whether the reader may read row {@code row} (1-based, increasing): false when a blank run long enough lies before
   * it (rows skipped since the last one count as blank).
   *
   * @throws TableException when the row lies beyond {@link ImportLimits#MAX_SCANNED_ROWS}
   */
  boolean reaches(int row) throws TableException {
    blankRun += Math.max(0, row - lastRow - 1);
    lastRow = row;
    if (blankRun >= ImportLimits.MAX_BLANK_RUN) {
      return false;
    }
    if (scannedBefore + row > ImportLimits.MAX_SCANNED_ROWS) {
      throw new TableException(row, "表格超过" + ImportLimits.MAX_SCANNED_ROWS + "行（空行也计算在内），"
          + "请删除多余的空行或拆分后分批导入");
    }
    return true;
  }

  /** Counts the row just read; false when it completed a blank run, so reading stops. */
  boolean counted(boolean blank) {
    blankRun = blank ? blankRun + 1 : 0;
    return blankRun < ImportLimits.MAX_BLANK_RUN;
  }
}
