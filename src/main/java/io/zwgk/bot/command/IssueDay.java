package io.zwgk.bot.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * An issue date as typed after {@code 月报 预览|发布}: with its year ({@code 2024-05-06}, {@code 2024年5月6日}) or
 * without ({@code 5月6日}, {@code 5-6}), when it means the first such day from the bulletin's month on.
 *
 * @param year the year as typed, empty when none was
 * @param day the month and day; 2月29日 is accepted here and checked against the year in {@link #in}
 */
public record IssueDay(Optional<Integer> year, MonthDay day) {
  public IssueDay {
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(day, "day");
  }

  /** A date with its year. */
  public static IssueDay of(LocalDate date) {
    return new IssueDay(Optional.of(date.getYear()), MonthDay.from(date));
  }

  /**
   * The date for the bulletin of {@code period}: the typed year's, else the first day with this month and day on or
   * after the month's first day; empty when that year has no such day (2月29日 of a common year).
   */
  public Optional<LocalDate> in(YearMonth period) {
    int y = year.orElseGet(() -> day.isBefore(MonthDay.from(period.atDay(1))) ? period.getYear() + 1
        : period.getYear());
    try {
      return day.isValidYear(y) ? Optional.of(LocalDate.of(y, day.getMonth(), day.getDayOfMonth()))
          : Optional.empty();
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** As typed back to the user: {@code 2024年5月6日} or {@code 5月6日}. */
  public String shown() {
    return year.map(y -> y + "年").orElse("") + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }
}
