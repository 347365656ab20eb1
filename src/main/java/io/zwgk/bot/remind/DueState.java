package io.zwgk.bot.remind;

/** Where a tracked item stands on the day of a digest. */
public enum DueState {
  /** Due within the kind's window (or, for letters, on a reminder point). */
  DUE_SOON("即将到期"),
  /** Due today. */
  DUE_TODAY("今日到期"),
  /** Past its deadline. */
  OVERDUE("已逾期"),
  /** A finding the unit reported as rectified, waiting for the office's 复核; shown to office groups only. */
  AWAITING_REVIEW("待复核");

  private final String label;

  DueState(String label) {
    this.label = label;
  }

  /** The digest section title. */
  public String label() {
    return label;
  }
}
