package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlotsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final WorkingDays CALENDAR = new TestWorkingDays();
  private static final ScheduledJob<ZonedDateTime> DAILY = ScheduledJob.everyDay("daily",
      CronExpression.parse("0 9 * * *"), Future::succeededFuture);
  private static final ScheduledJob<ZonedDateTime> WORKING = ScheduledJob.workingDays("working",
      CronExpression.parse("0 9 * * *"), CALENDAR, Future::succeededFuture);

  private static ZonedDateTime at(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2024, month, day, hour, minute, 0, 0, SHANGHAI);
  }

  private static Slots.Decision decide(ScheduledJob<?> job, ZonedDateTime now, ZonedDateTime last) {
    return slots(now).decide(job, Optional.ofNullable(last).map(ZonedDateTime::toInstant));
  }

  private static Slots slots(ZonedDateTime now) {
    return new Slots(Clock.fixed(now.toInstant(), SHANGHAI), Duration.ofHours(12));
  }

  @Test
  @DisplayName("a job seen for the first time only remembers now as its start: nothing from before it runs")
  void firstSight() {
    assertThat(decide(DAILY, at(5, 6, 10, 0), null)).isEqualTo(new Slots.Start(at(5, 6, 10, 0)));
  }

  @Test
  @DisplayName("the slot that came since the last one is due; once recorded, nothing is until the next")
  void dueOnce() {
    assertThat(decide(DAILY, at(5, 6, 9, 0), at(5, 6, 8, 59))).isEqualTo(new Slots.Run(at(5, 6, 9, 0)));
    assertThat(decide(DAILY, at(5, 6, 9, 0), at(5, 6, 9, 0))).isEqualTo(new Slots.Idle());
    assertThat(decide(DAILY, at(5, 6, 23, 59), at(5, 6, 9, 0))).isEqualTo(new Slots.Idle());
  }

  @Test
  @DisplayName("after a restart only the latest missed slot runs, never the earlier ones")
  void catchUpLatestOnly() {
    ScheduledJob<ZonedDateTime> often = ScheduledJob.everyDay("often", CronExpression.parse("*/10 * * * *"),
        Future::succeededFuture);

    assertThat(decide(often, at(5, 6, 9, 35), at(5, 6, 9, 0))).isEqualTo(new Slots.Run(at(5, 6, 9, 30)));
    assertThat(decide(DAILY, at(5, 6, 20, 59), at(5, 6, 8, 0))).as("11h59 late").isEqualTo(
        new Slots.Run(at(5, 6, 9, 0)));
  }

  @Test
  @DisplayName("a missed slot older than the catch-up limit is not run late, only remembered")
  void tooOld() {
    assertThat(decide(DAILY, at(5, 8, 8, 0), at(5, 6, 9, 0))).isEqualTo(new Slots.TooOld(at(5, 7, 9, 0)));
  }

  @Test
  @DisplayName("a working-days job skips holidays (劳动节) and runs on a make-up Saturday")
  void workingDaysOnly() {
    assertThat(decide(WORKING, at(5, 1, 10, 0), at(4, 30, 9, 0))).isEqualTo(new Slots.Idle());
    assertThat(decide(DAILY, at(5, 1, 10, 0), at(4, 30, 9, 0))).isEqualTo(new Slots.Run(at(5, 1, 9, 0)));
    assertThat(decide(WORKING, at(5, 11, 9, 1), at(5, 10, 9, 0))).isEqualTo(new Slots.Run(at(5, 11, 9, 0)));
  }

  @Test
  @DisplayName("after a holiday the working-days job catches up its latest working-day slot, not a holiday's")
  void catchUpSkipsHolidays() {
    ScheduledJob<ZonedDateTime> evening = ScheduledJob.workingDays("evening", CronExpression.parse("0 9,21 * * *"),
        CALENDAR, Future::succeededFuture);

    assertThat(decide(evening, at(5, 1, 8, 0), at(4, 30, 9, 0))).isEqualTo(new Slots.Run(at(4, 30, 21, 0)));
  }

  @Test
  @DisplayName("the next slot of a working-days job is the first working day's")
  void nextSkipsHolidays() {
    assertThat(slots(at(4, 30, 10, 0)).next(WORKING)).contains(at(5, 6, 9, 0));
    assertThat(slots(at(4, 30, 10, 0)).next(DAILY)).contains(at(5, 1, 9, 0));
  }
}
