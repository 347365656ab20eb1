package io.zwgk.bot.bulletin;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.remind.WorkingDays;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the month-end nudge: on the first {@link #WORKING_DAYS} working days of a month, from {@link #AT} on, it tells
 * the office groups once a day that the previous month's bulletin is not published yet. The outbox key (month, day)
 * makes every tick after the first, and every other instance, a no-op.
 */
public final class BulletinNudgeVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(BulletinNudgeVerticle.class);
  static final int WORKING_DAYS = 5;
  static final LocalTime AT = LocalTime.of(9, 30);

  private final BulletinService bulletins;
  private final Outbox outbox;
  private final WorkingDays calendar;
  private final Clock clock;
  private final Duration period;

  public BulletinNudgeVerticle(BulletinService bulletins, Outbox outbox, WorkingDays calendar, Clock clock,
      Duration period) {
    this.bulletins = bulletins;
    this.outbox = outbox;
    this.calendar = calendar;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(period.toMillis(), id -> tick()
        .onFailure(e -> log.warn("bulletin nudge check failed: {}", e.getMessage())));
    return Future.succeededFuture();
  }

  /** Queues today's nudge when it is due; true when one was queued now. */
  public Future<Boolean> tick() {
    ZonedDateTime now = ZonedDateTime.now(clock);
    LocalDate today = now.toLocalDate();
    if (!due(today) || now.toLocalTime().isBefore(AT)) {
      return Future.succeededFuture(false);
    }
    YearMonth previous = YearMonth.from(today).minusMonths(1);
    return bulletins.publication(previous).compose(published -> published.isPresent()
        ? Future.succeededFuture(false)
        : outbox.alertOffice("bulletin-nudge:" + previous + ":" + today, "月报提醒",
            previous.getYear() + "年" + previous.getMonthValue() + "月政务公开月报尚未发布。请发「月报 预览 " + previous
                + "」检查草稿，确认后发「月报 发布 " + previous + "」。").map(true));
  }

  /** Whether {@code day} is one of the first working days of its month. */
  boolean due(LocalDate day) {
    if (!calendar.isWorkingDay(day)) {
      return false;
    }
    LocalDate lastOfPrevious = day.withDayOfMonth(1).minusDays(1);
    return calendar.workingDaysBetween(lastOfPrevious, day) <= WORKING_DAYS;
  }
}
