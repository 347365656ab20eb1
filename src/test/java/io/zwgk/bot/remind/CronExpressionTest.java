package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI);
  }

  private static ZonedDateTime next(String cron, ZonedDateTime after) {
    return CronExpression.parse(cron).next(after).orElseThrow();
  }

  @Test
  @DisplayName("0 9 * * 1-5 runs at 09:00 Monday to Friday, strictly after the given time")
  void weekdayMornings() {
    assertThat(next("0 9 * * 1-5", at(2024, 5, 10, 10, 0))).isEqualTo(at(2024, 5, 13, 9, 0));
    assertThat(next("0 9 * * 1-5", at(2024, 5, 13, 8, 59).plusSeconds(59))).isEqualTo(at(2024, 5, 13, 9, 0));
    assertThat(next("0 9 * * 1-5", at(2024, 5, 13, 9, 0))).isEqualTo(at(2024, 5, 14, 9, 0));
    assertThat(next("0 9 * * 1-5", at(2024, 5, 13, 9, 0).plusNanos(1))).isEqualTo(at(2024, 5, 14, 9, 0));
  }

  @Test
  @DisplayName("day and month names work in any case and mean the same as numbers; Sunday is 0 or 7")
  void names() {
    ZonedDateTime from = at(2024, 5, 10, 17, 0);
    assertThat(next("30 16 * * mon-FRI", from)).isEqualTo(next("30 16 * * 1-5", from)).isEqualTo(at(2024, 5, 13, 16,
        30));
    assertThat(next("0 8 * * 7", from)).isEqualTo(next("0 8 * * SUN", from)).isEqualTo(next("0 8 * * 0", from))
        .isEqualTo(at(2024, 5, 12, 8, 0));
    assertThat(next("0 8 1 JAN,jul *", from)).isEqualTo(at(2024, 7, 1, 8, 0));
  }

  @ParameterizedTest(name = "{0} after {1} -> {2}")
  @CsvSource({
      "'*/15 * * * *', 2024-05-13T10:07, 2024-05-13T10:15",
      "'*/15 * * * *', 2024-05-13T23:45, 2024-05-14T00:00",
      "'0 8-18/4 * * *', 2024-05-13T12:00, 2024-05-13T16:00",
      "'5/20 * * * *', 2024-05-13T10:46, 2024-05-13T11:05",
      "'0,30 9 * * *', 2024-05-13T09:00, 2024-05-13T09:30",
      "'0 0 31 * *', 2024-04-01T00:00, 2024-05-31T00:00",
      "'0 0 1 * *', 2024-12-15T00:00, 2025-01-01T00:00",
      "'0 0 29 2 *', 2024-03-01T00:00, 2028-02-29T00:00",
      "'0 0 30 * *', 2024-01-30T00:00, 2024-03-30T00:00",
      "'0 9 13 * 5', 2024-05-01T00:00, 2024-05-03T09:00",
      "'0 9 13 * 5', 2024-05-10T09:00, 2024-05-13T09:00",
      "'0 9 */10 * 1-5', 2024-05-01T10:00, 2024-05-21T09:00"
  })
  void nextRuns(String cron, String after, String expected) {
    ZonedDateTime from = LocalDateTime.parse(after).atZone(SHANGHAI);
    assertThat(next(cron, from)).isEqualTo(LocalDateTime.parse(expected).atZone(SHANGHAI));
  }

  @Test
  @DisplayName("Asia/Shanghai has no DST: daily runs stay at +08:00 and exactly 24 hours apart all year")
  void shanghaiIsDstFree() {
    CronExpression daily = CronExpression.parse("0 9 * * *");
    ZonedDateTime run = at(2024, 1, 1, 9, 0);
    for (int i = 0; i < 366; i++) {
      ZonedDateTime following = daily.next(run).orElseThrow();
      assertThat(following.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
      assertThat(Duration.between(run, following)).hasHours(24);
      run = following;
    }
    assertThat(run).isEqualTo(at(2025, 1, 1, 9, 0));
  }

  @Test
  @DisplayName("in a zone with DST, a local time skipped by the spring change is skipped, not shifted")
  void dstGapSkipped() {
    ZoneId newYork = ZoneId.of("America/New_York");
    ZonedDateTime before = ZonedDateTime.of(2024, 3, 9, 12, 0, 0, 0, newYork);
    assertThat(CronExpression.parse("30 2 * * *").next(before).orElseThrow())
        .isEqualTo(ZonedDateTime.of(2024, 3, 11, 2, 30, 0, 0, newYork));
  }

  @Test
  @DisplayName("between lists the runs after the start and up to and including the end, oldest first")
  void between() {
    CronExpression cron = CronExpression.parse("0 9 * * 1-5");
    assertThat(cron.between(at(2024, 5, 10, 9, 0), at(2024, 5, 14, 9, 0)))
        .containsExactly(at(2024, 5, 13, 9, 0), at(2024, 5, 14, 9, 0));
    assertThat(cron.between(at(2024, 5, 10, 8, 0), at(2024, 5, 10, 8, 59))).isEmpty();
    assertThat(cron.between(at(2024, 5, 14, 9, 0), at(2024, 5, 10, 9, 0))).isEmpty();
  }

  @Test
  @DisplayName("between keeps only the latest 100 runs, so its last element is the latest missed run")
  void betweenIsCapped() {
    List<ZonedDateTime> runs = CronExpression.parse("* * * * *").between(at(2024, 5, 13, 0, 0), at(2024, 5, 14, 0,
        0));
    assertThat(runs).hasSize(CronExpression.MAX_RUNS);
    assertThat(runs.get(0)).isEqualTo(at(2024, 5, 13, 22, 21));
    assertThat(runs.get(runs.size() - 1)).isEqualTo(at(2024, 5, 14, 0, 0));
  }

  @Test
  @DisplayName("between looks back at most 366 days from its end")
  void betweenLooksBackOneYear() {
    List<ZonedDateTime> runs = CronExpression.parse("0 0 1 1 *").between(at(2000, 1, 1, 0, 0), at(2024, 5, 13, 0, 0));
    assertThat(runs).containsExactly(at(2024, 1, 1, 0, 0));
  }

  @Test
  @DisplayName("runs are given in the zone of the time asked about")
  void zoneOfArgument() {
    ZonedDateTime utc = ZonedDateTime.of(2024, 5, 13, 0, 30, 0, 0, ZoneOffset.UTC);
    assertThat(CronExpression.parse("0 9 * * *").next(utc)).isEqualTo(Optional.of(utc.withHour(9).withMinute(0)));
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0 9 * *|expected 5 fields (minute hour day-of-month month day-of-week), found 4: \"0 9 * *\"",
      "''|expected 5 fields (minute hour day-of-month month day-of-week), found 0: \"\"",
      "60 9 * * *|minute field \"60\": 60 is out of range 0-59",
      "0 25 * * *|hour field \"25\": 25 is out of range 0-23",
      "0 9 0 * *|day-of-month field \"0\": 0 is out of range 1-31",
      "0 9 * 13 *|month field \"13\": 13 is out of range 1-12",
      "0 9 * * FRI-MON|day-of-week field \"FRI-MON\": range start is after its end (write two ranges instead)",
      "*/0 9 * * *|minute field \"*/0\": the step after / must be at least 1",
      "0 9 * * XYZ|day-of-week field \"XYZ\": \"XYZ\" is not a number or a day name (SUN, MON … SAT)",
      "0 9 * FOO *|month field \"FOO\": \"FOO\" is not a number or a month name (JAN … DEC)",
      "1,,2 9 * * *|minute field \"1,,2\": empty list element",
      "0 9 31 2,4 *|day-of-month 31 never occurs in the chosen months"
  })
  void parseErrors(String cron, String message) {
    assertThatThrownBy(() -> CronExpression.parse(cron)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  @DisplayName("an expression prints as written, with single spaces, and equals another of the same text")
  void text() {
    assertThat(CronExpression.parse("  0  9 * *   1-5 ")).hasToString("0 9 * * 1-5")
        .isEqualTo(CronExpression.parse("0 9 * * 1-5"));
  }
}
