package io.zwgk.bot.remind;

import java.time.LocalDate;

/**
 * Working-day arithmetic the reminder rules need: Mon–Fri minus statutory holidays plus 调休 make-up days. "N 个工作日"
 * from a start date counts from the day after it (民法典 第二百零一条), so a deadline always falls on a working day.
 */
public interface WorkingDays {
  /** Whether {@code date} is a working day. */
  boolean isWorkingDay(LocalDate date);

  /**
   * The N-th working day after {@code start}; day 1 is the first working day after {@code start}, even when
   * {@code start} is itself a holiday. {@code n = 0} returns {@code start}.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  LocalDate addWorkingDays(LocalDate start, int n);

  /**
   * Working days in {@code (fromExclusive, toInclusive]}, or minus the working days in {@code (toInclusive,
   * fromExclusive]} when {@code toInclusive} is earlier: "working days left" until a deadline, negative once overdue.
   */
  int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive);
}
