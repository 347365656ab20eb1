package io.zwgk.bot.command;

import io.zwgk.bot.stats.UnitStats;
import java.math.BigDecimal;

/**
 * One unit's standing against the time schedule (时序进度 = month/12 of the annual task).
 *
 * @param task 本年度任务数
 * @param total 已发布总数 at the end of the month
 * @param month 1–12, the month the figures close
 */
record Progress(int task, int total, int month) {
  Progress {
    if (task < 1 || total < 0 || month < 1 || month > 12) {
      throw new IllegalArgumentException("progress out of range");
    }
  }

  static Progress of(UnitStats stats, int month) {
    return new Progress(stats.task(), stats.total(), month);
  }

  /** 时序进度 in percent, the bulletin's rounding (April → 33.33). */
  BigDecimal schedule() {
    return UnitStats.ratioOf(month, 12);
  }

  /** The fewest items that reach the time schedule: ceil(task × month / 12). */
  int scheduledItems() {
    return (int) ((task * (long) month + 11) / 12);
  }

  /** Items ahead of the schedule (positive) or still needed to reach it (negative). */
  int itemGap() {
    return total - scheduledItems();
  }

  /** Percentage points ahead (positive) or behind (negative): ratio − schedule. */
  BigDecimal pointGap() {
    return UnitStats.ratioOf(total, task).subtract(schedule());
  }

  /** Items still missing for the annual task, 0 once it is met. */
  int missing() {
    return Math.max(0, task - total);
  }

  int monthsLeft() {
    return 12 - month;
  }

  /** Items per remaining month to meet the annual task: ceil(missing / months left); 0 in December. */
  int perMonthNeeded() {
    return monthsLeft() == 0 ? 0 : (missing() + monthsLeft() - 1) / monthsLeft();
  }
}
