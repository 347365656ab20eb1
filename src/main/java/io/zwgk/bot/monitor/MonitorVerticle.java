package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.remind.ScheduledJob;
import io.zwgk.bot.remind.Scheduler;
import io.zwgk.bot.store.ScheduleStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the scheduled monitor runs: a {@link Scheduler} scans every unit at the times of the cron in monitor.yaml,
 * catching up a run missed during a restart once; a run is skipped while another (scheduled or on demand) holds the
 * service's run lock. Without a schedule it does nothing.
 */
public final class MonitorVerticle extends VerticleBase {
  /** The group of the schedule's state ({@code zwgk:monitor:schedule:last}, {@code …:lock}). */
  public static final String SCHEDULE = "monitor:schedule";
  private static final Logger log = LoggerFactory.getLogger(MonitorVerticle.class);

  private final MonitorService service;
  private final ScheduleStore store;
  private final Clock clock;
  private final Duration period;
  private final List<ScheduledJob<Optional<MonitorReport>>> jobs;
  private Scheduler<Optional<MonitorReport>> scheduler;

  public MonitorVerticle(MonitorService service, ScheduleStore store, Clock clock, Duration period) {
    this.service = service;
    this.store = store;
    this.clock = clock.withZone(service.config().zone());
    this.period = period;
    this.jobs = service.config().schedule().map(cron -> ScheduledJob.everyDay("scan", cron, at -> run()))
        .stream().toList();
  }

  @Override
  public Future<?> start() {
    scheduler = new Scheduler<>(vertx, store, jobs, clock, period);
    scheduler.start();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return scheduler.stop();
  }

  /**
   * Runs the scan when a scheduled time has come since the last one. Answers its report, or empty when none was due,
   * another instance runs the schedule, a run was already in progress (here or on another instance) or the run failed
   * (logged; it is not tried again before the next scheduled time).
   */
  public Future<Optional<MonitorReport>> tick() {
    return scheduler.tick().map(runs -> runs.isEmpty() ? Optional.empty() : runs.get(0));
  }

  /** When the next scheduled run starts, empty without a schedule. */
  Optional<ZonedDateTime> planned() {
    return jobs.stream().findFirst().flatMap(scheduler::next);
  }

  private Future<Optional<MonitorReport>> run() {
    return service.run(Optional.empty()).map(Optional::of)
        .recover(e -> {
          if (e instanceof MonitorBusyException) {
            log.info("scheduled monitor run skipped: another run is in progress");
          } else {
            log.warn("scheduled monitor run failed: {}", e.getMessage());
          }
          return Future.succeededFuture(Optional.<MonitorReport>empty());
        });
  }
}
