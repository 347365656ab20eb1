package io.zwgk.bot.stats;

/** A problem that stops reading a table altogether (unreadable file, limits exceeded). */
final class TableException extends Exception {
  private final int row;

  TableException(int row, String message) {
    super(message, null, false, false);
    this.row = row;
  }

  RowProblem problem() {
    return new RowProblem(row, getMessage());
  }
}
