package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

class WorkCalendarTest {
  static final Path SHIPPED = Path.of("bot-config", "holidays-cn.csv");
  private final WorkCalendar calendar = WorkCalendar.load(SHIPPED);
  private final Logger logger = (Logger) LoggerFactory.getLogger(WorkCalendar.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @AfterEach
  void detach() {
    logger.detachAppender(logs);
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @ParameterizedTest
  @CsvSource({"2024, 251", "2025, 248", "2026, 248"})
  @DisplayName("the shipped file gives the published number of working days per year")
  void workingDaysPerYear(int year, int expected) {
    assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
        .isEqualTo(expected);
    assertThat(count(year, calendar::isWorkingDay)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"2024, 8, 19", "2025, 5, 18", "2026, 6, 19"})
  @DisplayName("make-up Saturdays/Sundays and weekday holidays per year match the notices' integrity counts")
  void makeUpDaysAndWeekdayHolidays(int year, int makeUp, int weekdayHolidays) {
    assertThat(count(year, day -> isWeekend(day) && calendar.isWorkingDay(day))).isEqualTo(makeUp);
    assertThat(count(year, day -> !isWeekend(day) && !calendar.isWorkingDay(day))).isEqualTo(weekdayHolidays);
  }

  @Test
  @DisplayName("the covered years are the notice years of the file; 2023 (two 元旦 rows only) and 2027 are not")
  void coveredYears() {
    assertThat(calendar.coveredYears()).containsExactly(2024, 2025, 2026);
    assertThat(calendar.covers(2024)).isTrue();
    assertThat(calendar.covers(2023)).isFalse();
    assertThat(calendar.covers(2027)).isFalse();
  }

  @Test
  @DisplayName("the seed bulletin's 5 working days from 2024-04-30 skip 劳动节 5/1–5/5 and end on Friday 2024-05-10")
  void bulletinDeadline() {
    assertThat(calendar.deadline(d("2024-04-30"), 5)).isEqualTo(new WorkCalendar.Deadline(d("2024-05-10"), false));
    assertThat(calendar.addWorkingDays(d("2024-04-30"), 5)).isEqualTo(d("2024-05-10"));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "2024-04-26, 1, 2024-04-28",  // 劳动节 2024: Sunday 4/28 is a make-up working day
      "2024-05-10, 1, 2024-05-11",  // and so is Saturday 5/11
      "2025-04-25, 1, 2025-04-27",  // 劳动节 2025: one make-up day, Sunday 4/27
      "2025-04-30, 1, 2025-05-06",  // 5/1–5/5 off
      "2026-04-30, 1, 2026-05-06",  // 劳动节 2026: 5/1–5/5 off
      "2026-05-08, 1, 2026-05-09",  // make-up Saturday 5/9
  })
  @DisplayName("劳动节: holidays are skipped and make-up weekend days count")
  void labourDay(String start, int n, String expected) {
    assertThat(calendar.addWorkingDays(d(start), n)).isEqualTo(d(expected));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "2024-02-02, 1, 2024-02-04",  // 春节 2024: make-up Sunday 2/4
      "2024-02-08, 1, 2024-02-09",  // 2024 除夕 (Friday 2/9) is not a day off
      "2024-02-08, 2, 2024-02-18",  // 2/10–2/17 off, make-up Sunday 2/18
      "2024-02-08, 3, 2024-02-19",
      "2025-01-24, 3, 2025-02-05",  // 春节 2025: make-up Sunday 1/26, Monday 1/27, 1/28–2/4 off
      "2025-02-07, 1, 2025-02-08",  // make-up Saturday 2/8
      "2026-02-12, 3, 2026-02-24",  // 春节 2026: Fri 2/13, make-up Sat 2/14, 2/15–2/23 off (9 days)
      "2026-02-27, 1, 2026-02-28",  // make-up Saturday 2/28
  })
  @DisplayName("春节 2024, 2025 and 2026: the whole range is skipped and make-up days count")
  void springFestival(String start, int n, String expected) {
    assertThat(calendar.addWorkingDays(d(start), n)).isEqualTo(d(expected));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "2024-09-27, 3, 2024-10-08",  // 国庆 2024: Sat 9/28 off, make-up Sun 9/29, Mon 9/30, 10/1–10/7 off
      "2024-09-27, 5, 2024-10-10",
      "2024-10-11, 1, 2024-10-12",  // make-up Saturday 10/12
      "2025-09-26, 3, 2025-09-30",  // 国庆+中秋 2025: make-up Sun 9/28, 9/29, 9/30
      "2025-09-30, 5, 2025-10-14",  // 10/1–10/8 off; 10/9, 10/10, make-up Sat 10/11, 10/13, 10/14
  })
  @DisplayName("国庆 2024 and 2025 (with 中秋): eight or seven days skipped, make-up days count")
  void nationalDay(String start, int n, String expected) {
    assertThat(calendar.addWorkingDays(d(start), n)).isEqualTo(d(expected));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({
      "2024-10-01, 1, 2024-10-08",
      "2024-05-01, 1, 2024-05-06",
      "2025-01-29, 1, 2025-02-05",
      "2024-05-04, 2, 2024-05-07",
  })
  @DisplayName("a start date inside a holiday is not counted; day 1 is the first working day after it")
  void startOnHoliday(String start, int n, String expected) {
    assertThat(calendar.addWorkingDays(d(start), n)).isEqualTo(d(expected));
  }

  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource({"2024-05-11, 1, 2024-05-13", "2024-05-11, 2, 2024-05-14", "2024-02-04, 1, 2024-02-05"})
  @DisplayName("a start date on a make-up Saturday or Sunday is not counted either")
  void startOnMakeUpDay(String start, int n, String expected) {
    assertThat(calendar.addWorkingDays(d(start), n)).isEqualTo(d(expected));
  }

  @ParameterizedTest(name = "{0} + 20 = {1}")
  @CsvSource({
      "2024-04-01, 2024-04-29",  // 清明 4/4–4/6 off, make-up Sundays 4/7 and 4/28
      "2024-09-20, 2024-10-23",  // 国庆 2024 with make-up days 9/29 and 10/12
  })
  @DisplayName("依申请公开: 20 working days from receipt (条例 第三十三条)")
  void twentyWorkingDays(String start, String expected) {
    assertThat(calendar.deadline(d(start), 20)).isEqualTo(new WorkCalendar.Deadline(d(expected), false));
  }

  @Test
  @DisplayName("n = 0 gives the start date itself; a negative n is refused")
  void zeroAndNegative() {
    assertThat(calendar.addWorkingDays(d("2024-05-01"), 0)).isEqualTo(d("2024-05-01"));
    assertThatThrownBy(() -> calendar.addWorkingDays(d("2024-05-01"), -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("working days between two dates: positive ahead, zero on the day, negative once overdue")
  void workingDaysBetween() {
    assertThat(calendar.workingDaysBetween(d("2024-04-30"), d("2024-05-10"))).isEqualTo(5);
    assertThat(calendar.workingDaysBetween(d("2024-05-10"), d("2024-04-30"))).isEqualTo(-5);
    assertThat(calendar.workingDaysBetween(d("2024-05-10"), d("2024-05-10"))).isZero();
    assertThat(calendar.workingDaysBetween(d("2024-05-13"), d("2024-05-10"))).isEqualTo(-2);
    assertThat(calendar.workingDaysBetween(d("2024-05-01"), d("2024-05-05"))).isZero();
  }

  @Test
  @DisplayName("2027 is not covered: Mon–Fri only, and every deadline touching it is marked estimated")
  void uncoveredYear() {
    assertThat(calendar.isWorkingDay(d("2027-01-01"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2027-01-02"))).isFalse();
    assertThat(calendar.deadline(d("2027-01-04"), 5)).isEqualTo(new WorkCalendar.Deadline(d("2027-01-11"), true));
    assertThat(calendar.deadline(d("2026-12-30"), 3)).isEqualTo(new WorkCalendar.Deadline(d("2027-01-04"), true));
    assertThat(calendar.deadline(d("2026-12-20"), 5)).isEqualTo(new WorkCalendar.Deadline(d("2026-12-25"), false));
  }

  @Test
  @DisplayName("an uncovered year is warned about once, naming the file and the year")
  void warnsOncePerYear() {
    logs.start();
    logger.addAppender(logs);
    calendar.deadline(d("2027-01-04"), 30);
    calendar.isWorkingDay(d("2027-06-01"));
    calendar.isWorkingDay(d("2028-03-01"));
    calendar.isWorkingDay(d("2026-03-02"));

    assertThat(logs.list).allMatch(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "bot-config/holidays-cn.csv has no schedule for 2027; counting Mon–Fri only — add the State Council notice"
                + " when it is published",
            "bot-config/holidays-cn.csv has no schedule for 2028; counting Mon–Fri only — add the State Council notice"
                + " when it is published");
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static int count(int year, Predicate<LocalDate> test) {
    int count = 0;
    for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
      count += test.test(day) ? 1 : 0;
    }
    return count;
  }
}
