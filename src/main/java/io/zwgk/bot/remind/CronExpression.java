package io.zwgk.bot.remind;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A classic 5-field cron expression: {@code minute hour day-of-month month day-of-week}. Each field takes {@code *},
 * numbers, lists ({@code 1,15}), ranges ({@code 1-5}), steps ({@code *}{@code /15}, {@code 8-18/2}, {@code 5/10}) and,
 * for month and day of week, English names ({@code JAN}, {@code MON-FRI}; Sunday is 0 or 7). As in Vixie cron, when
 * both day fields are restricted (neither starts with {@code *}) a day matches if either matches. Times are read in the
 * zone of the {@link ZonedDateTime} given; a local time skipped by a DST change is skipped, not shifted.
 *
 * <p>Immutable and thread-safe.
 */
public final class CronExpression {
  /** The most runs {@link #between} returns. */
  public static final int MAX_RUNS = 100;
  /** How far {@link #between} looks back from its end. */
  public static final Duration MAX_LOOK_BACK = Duration.ofDays(366);
  private static final int SEARCH_YEARS = 8;
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
      Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
      Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11), Map.entry("DEC", 12));
  private static final Map<String, Integer> WEEKDAYS = Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4,
      "FRI", 5, "SAT", 6);

  private final String text;
  private final CronField minutes;
  private final CronField hours;
  private final CronField days;
  private final CronField months;
  private final CronField weekdays;

  private CronExpression(String text, CronField[] fields) {
    this.text = text;
    this.minutes = fields[0];
    this.hours = fields[1];
    this.days = fields[2];
    this.months = fields[3];
    this.weekdays = fields[4].fold(7, 0);
  }

  /**
   * Parses a 5-field expression such as {@code 0 9 * * 1-5}.
   *
   * @throws IllegalArgumentException saying which field is wrong and why, e.g.
   *     {@code hour field "25": 25 is out of range 0-23}
   */
  public static CronExpression parse(String text) {
    Objects.requireNonNull(text, "text");
    String[] parts = text.strip().split("\\s+");
    if (text.isBlank() || parts.length != 5) {
      throw new IllegalArgumentException("expected 5 fields (minute hour day-of-month month day-of-week), found "
          + (text.isBlank() ? 0 : parts.length) + ": \"" + text.strip() + "\"");
    }
    CronField[] fields = {
        CronField.parse(parts[0], "minute", 0, 59, Map.of()),
        CronField.parse(parts[1], "hour", 0, 23, Map.of()),
        CronField.parse(parts[2], "day-of-month", 1, 31, Map.of()),
        CronField.parse(parts[3], "month", 1, 12, MONTHS),
        CronField.parse(parts[4], "day-of-week", 0, 7, WEEKDAYS)};
    checkDayExists(fields[2], fields[3], fields[4]);
    return new CronExpression(String.join(" ", parts), fields);
  }

  private static void checkDayExists(CronField days, CronField months, CronField weekdays) {
    if (!days.star() && weekdays.star()) {
      for (int m = 1; m <= 12; m++) {
        if (months.has(m) && days.first() <= Month.of(m).maxLength()) {
          return;
        }
      }
      throw new IllegalArgumentException("day-of-month " + days.first() + " never occurs in the chosen months");
    }
  }

  /** The first run strictly after {@code after}, in its zone; empty if none within eight years. */
  public Optional<ZonedDateTime> next(ZonedDateTime after) {
    LocalDateTime t = after.toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    LocalDateTime limit = t.plusYears(SEARCH_YEARS);
    while (t.isBefore(limit)) {
      if (!months.has(t.getMonthValue())) {
        t = t.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay();
      } else if (!dayMatches(t.toLocalDate())) {
        t = t.toLocalDate().plusDays(1).atStartOfDay();
      } else if (!hours.has(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.has(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        ZonedDateTime run = ZonedDateTime.of(t, after.getZone());
        if (run.toLocalDateTime().equals(t) && run.isAfter(after)) {
          return Optional.of(run);
        }
        t = t.plusMinutes(1);
      }
    }
    return Optional.empty();
  }

  /**
   * The runs in {@code (fromExclusive, toInclusive]}, oldest first, in the zone of {@code toInclusive}: for catching up
   * runs missed while the service was down. Only the last {@link #MAX_LOOK_BACK} before {@code toInclusive} is
   * searched and only the latest {@link #MAX_RUNS} runs are kept, so the last element is always the latest run.
   */
  public List<ZonedDateTime> between(ZonedDateTime fromExclusive, ZonedDateTime toInclusive) {
    ZonedDateTime earliest = toInclusive.minus(MAX_LOOK_BACK);
    ZonedDateTime cursor = (fromExclusive.isBefore(earliest) ? earliest : fromExclusive)
        .withZoneSameInstant(toInclusive.getZone());
    Deque<ZonedDateTime> runs = new ArrayDeque<>();
    for (Optional<ZonedDateTime> run = next(cursor); run.isPresent() && !run.get().isAfter(toInclusive);
        run = next(run.get())) {
      runs.addLast(run.get());
      if (runs.size() > MAX_RUNS) {
        runs.removeFirst();
      }
    }
    return List.copyOf(runs);
  }

  private boolean dayMatches(LocalDate date) {
    boolean day = days.has(date.getDayOfMonth());
    boolean weekday = weekdays.has(date.getDayOfWeek().getValue() % 7);
    if (days.star() || weekdays.star()) {
      return day && weekday;
    }
    return day || weekday;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression c && c.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The expression as written, with single spaces between fields. */
  @Override
  public String toString() {
    return text;
  }
}
