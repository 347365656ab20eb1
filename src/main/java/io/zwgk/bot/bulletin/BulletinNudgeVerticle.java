package io.zwgk.bot.bulletin;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.remind.ScheduledJob;
import io.zwgk.bot.remind.Scheduler;
import io.zwgk.bot.remind.WorkingDays;
import io.zwgk.bot.store.ScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Owns the month-start nudge: a {@link Scheduler} runs it at the {@link NudgeSchedule}'s times on working days (a
 * time missed during a restart is caught up once); on the first {@code firstWorkingDays} working days of a month it
 * tells the office groups that the previous month's bulletin is not published yet. The outbox key (month, day) keeps
 * it to one message a day even with several times a day.
 */
public final class BulletinNudgeVerticle extends VerticleBase {
  /** The group of the nudge's schedule state ({@code zwgk:bulletin:nudge:last}, {@code …:lock}). */
  public static final String SCHEDULE = "bulletin:nudge";

  private final BulletinService bulletins;
  private final Outbox outbox;
  private final WorkingDays calendar;
  private final NudgeSchedule schedule;
  private final ScheduleStore store;
  private final Clock clock;
  private final Duration period;
  private Scheduler<Boolean> scheduler;

  /** {@code clock} in the service's zone. */
  public BulletinNudgeVerticle(BulletinService bulletins, Outbox outbox, WorkingDays calendar, NudgeSchedule schedule,
      ScheduleStore store, Clock clock, Duration period) {
    this.bulletins = bulletins;
    this.outbox = outbox;
    this.calendar = calendar;
    this.schedule = schedule;
    this.store = store;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    scheduler = new Scheduler<>(vertx, store, List.of(ScheduledJob.workingDays("nudge", schedule.cron(), calendar,
        this::nudge)), clock, period);
    scheduler.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return scheduler.stop();
  }

  /** Queues the nudge when one of its times has come; true when one was queued now. */
  public Future<Boolean> tick() {
    return scheduler.tick().map(runs -> runs.contains(true));
  }

  /** Whether {@code day} is one of the first working days of its month. */
  boolean due(LocalDate day) {
    if (!calendar.isWorkingDay(day)) {
      return false;
    }
    LocalDate lastOfPrevious = day.withDayOfMonth(1).minusDays(1);
    return calendar.workingDaysBetween(lastOfPrevious, day) <= schedule.firstWorkingDays();
  }

  private Future<Boolean> nudge(ZonedDateTime at) {
    LocalDate today = at.toLocalDate();
    if (!due(today)) {
      return Future.succeededFuture(false);
    }
    YearMonth previous = YearMonth.from(today).minusMonths(1);
    return bulletins.publication(previous).compose(published -> published.isPresent()
        ? Future.succeededFuture(false)
        : outbox.alertOffice("bulletin-nudge:" + previous + ":" + today, "月报提醒",
            previous.getYear() + "年" + previous.getMonthValue() + "月政务公开月报尚未发布。请发「月报 预览 " + previous
                + "」检查草稿，确认后发「月报 发布 " + previous + "」。").map(true));
  }
}
