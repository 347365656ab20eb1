package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.remind.ReminderService.Plan;
import io.zwgk.bot.store.ScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Owns the reminder schedules of reminders.yaml: a {@link Scheduler} runs each schedule at its cron times on working
 * days, catching up a run missed while the service or Redis was down once, and never on two instances.
 */
public final class ReminderVerticle extends VerticleBase {
  /** The group of the reminders' schedule state ({@code zwgk:remind:last}, {@code zwgk:remind:lock}). */
  public static final String SCHEDULE = "remind";

  private final ReminderService service;
  private final ScheduleStore store;
  private final Clock clock;
  private final Duration period;
  private Scheduler<Plan> scheduler;

  public ReminderVerticle(ReminderService service, ScheduleStore store, Clock clock, Duration period) {
    this.service = service;
    this.store = store;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    List<ScheduledJob<Plan>> jobs = service.rules().schedules().stream()
        .map(s -> ScheduledJob.workingDays(s.name(), s.cron(), service.calendar(), at -> service.run(at, s)))
        .toList();
    scheduler = new Scheduler<>(vertx, store, jobs, clock.withZone(service.rules().zone()), period);
    scheduler.start();
    return Future.succeededFuture();
  }

  /** Lets a run in progress finish, then gives the scheduler lock up so another instance need not wait it out. */
  @Override
  public Future<?> stop() {
    return scheduler.stop();
  }

  /** Runs every schedule that is due now; answers the runs made (empty when another instance holds the lock). */
  public Future<List<Plan>> tick() {
    return scheduler.tick();
  }
}
