package io.zwgk.bot.remind;

import io.zwgk.bot.config.ConfigException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working-day arithmetic on the State Council holiday schedule ({@code bot-config/holidays-cn.csv}). A working day is
 * Mon–Fri unless listed {@code off}, plus any Saturday or Sunday listed {@code work} (调休上班). "N 个工作日" from a start
 * date counts from the day after it (民法典 第二百零一条). Years whose notice is not in the file follow Mon–Fri only;
 * results touching them are marked estimated and a warning is logged once per year.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class WorkCalendar implements WorkingDays {
  /** The largest N that the chat command and the HTTP API accept. */
  public static final int MAX_QUERY_DAYS = 365;
  /** The earliest start year that the chat command and the HTTP API accept. */
  public static final int MIN_QUERY_YEAR = 2000;
  /** The latest start year that the chat command and the HTTP API accept. */
  public static final int MAX_QUERY_YEAR = 2099;
  private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

  private final String source;
  private final Map<LocalDate, Boolean> listed;
  private final SortedSet<Integer> coveredYears;
  private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

  /**
   * A deadline and whether it is only estimated.
   *
   * @param date the last day of the period (the N-th working day)
   * @param estimated true when a counted day fell in a year whose holiday notice is not in the file
   */
  public record Deadline(LocalDate date, boolean estimated) {
    public Deadline {
      Objects.requireNonNull(date, "date");
    }
  }

  private WorkCalendar(String source, Collection<HolidayDay> days) {
    this.source = source;
    this.listed = days.stream().collect(Collectors.toUnmodifiableMap(HolidayDay::date, HolidayDay::working));
    this.coveredYears = Collections.unmodifiableSortedSet(
        days.stream().map(HolidayDay::noticeYear).collect(Collectors.toCollection(TreeSet::new)));
  }

  /**
   * Loads and validates the holiday file.
   *
   * @throws ConfigException listing every problem, each with file, line and field
   */
  public static WorkCalendar load(Path csv) {
    String display = csv.normalize().toString();
    return new WorkCalendar(display, HolidayFile.read(csv, display));
  }

  /** Whether {@code date} is a working day; outside the covered years, whether it is Mon–Fri. */
  public boolean isWorkingDay(LocalDate date) {
    Boolean working = listed.get(date);
    if (working != null) {
      return working;
    }
    warnIfUncovered(date.getYear());
    return !HolidayFile.isWeekend(date);
  }

  /**
   * The N-th working day after {@code start}; day 1 is the first working day after {@code start}, even when
   * {@code start} itself is a holiday or weekend. {@code n = 0} returns {@code start}.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    return deadline(start, n).date();
  }

  /** Like {@link #addWorkingDays}, also saying whether any counted day fell in a year the file does not cover. */
  public Deadline deadline(LocalDate start, int n) {
    Objects.requireNonNull(start, "start");
    if (n < 0) {
      throw new IllegalArgumentException("n must not be negative: " + n);
    }
    LocalDate day = start;
    boolean estimated = false;
    for (int left = n; left > 0; ) {
      day = day.plusDays(1);
      estimated |= !covers(day.getYear());
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return new Deadline(day, estimated);
  }

  /**
   * Working days in {@code (fromExclusive, toInclusive]}, or minus the working days in {@code (toInclusive,
   * fromExclusive]} when {@code toInclusive} is earlier: "working days left" until a deadline, negative once overdue.
   */
  public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
    if (toInclusive.isBefore(fromExclusive)) {
      return -workingDaysBetween(toInclusive, fromExclusive);
    }
    int count = 0;
    for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
      count += isWorkingDay(day) ? 1 : 0;
    }
    return count;
  }

  /** Whether the file holds the State Council notice for {@code year}. */
  public boolean covers(int year) {
    return coveredYears.contains(year);
  }

  /** The years whose notice is in the file, ascending. */
  public Set<Integer> coveredYears() {
    return coveredYears;
  }

  private void warnIfUncovered(int year) {
    if (covers(year) || !warnedYears.add(year)) {
      return;
    }
    boolean future = coveredYears.isEmpty() || year > coveredYears.last();
    log.warn("{} has no schedule for {}; counting Mon–Fri only — {}", source, year,
        future ? "add the State Council notice when it is published" : "add that year's State Council notice");
  }
}
