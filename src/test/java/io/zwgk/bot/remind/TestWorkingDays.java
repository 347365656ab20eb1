package io.zwgk.bot.remind;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Mon–Fri plus the 2024 清明, 劳动节 and 端午 holidays and their make-up days, as the State Council published them. */
final class TestWorkingDays implements WorkingDays {
  private static final Set<LocalDate> OFF = Set.of(LocalDate.of(2024, 4, 4), LocalDate.of(2024, 4, 5),
      LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 2), LocalDate.of(2024, 5, 3), LocalDate.of(2024, 6, 10));
  private static final Set<LocalDate> WORK = Set.of(LocalDate.of(2024, 4, 7), LocalDate.of(2024, 4, 28),
      LocalDate.of(2024, 5, 11));

  @Override
  public boolean isWorkingDay(LocalDate d) {
    if (WORK.contains(d)) {
      return true;
    }
    return !OFF.contains(d) && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  @Override
  public LocalDate addWorkingDays(LocalDate start, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative: " + n);
    }
    LocalDate d = start;
    for (int counted = 0; counted < n; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  @Override
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    if (toInclusive.isBefore(fromExclusive)) {
      return -workingDaysBetween(toInclusive, fromExclusive);
    }
    int n = 0;
    for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
      n += isWorkingDay(d) ? 1 : 0;
    }
    return n;
  }
}
