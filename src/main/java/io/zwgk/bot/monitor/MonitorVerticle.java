package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.remind.CronExpression;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the scheduled monitor runs: a timer set for the next time of the cron in monitor.yaml; each tick scans every
 * unit unless a run is already in progress here or on another instance (the service's Redis lock). Without a
 * schedule it does nothing.
 */
public final class MonitorVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(MonitorVerticle.class);

  private final MonitorService service;
  private final Optional<CronExpression> schedule;
  private final Clock clock;
  private ZonedDateTime planned;
  private boolean running;

  public MonitorVerticle(MonitorService service, Clock clock) {
    this.service = service;
    this.schedule = service.config().schedule();
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    schedule.ifPresent(cron -> scheduleNext());
    return Future.succeededFuture();
  }

  /**
   * One scheduled run of every unit, now. Answers the report, or empty when a run was already in progress (here or
   * on another instance) or the run failed (logged).
   */
  public Future<Optional<MonitorReport>> tick() {
    if (running) {
      log.info("scheduled monitor run skipped: the previous one is still running");
      return Future.succeededFuture(Optional.empty());
    }
    running = true;
    return service.run(Optional.empty()).map(Optional::of)
        .recover(e -> {
          if (e instanceof MonitorBusyException) {
            log.info("scheduled monitor run skipped: another instance is running one");
          } else {
            log.warn("scheduled monitor run failed: {}", e.getMessage());
          }
          return Future.succeededFuture(Optional.<MonitorReport>empty());
        })
        .onComplete(ar -> running = false);
  }

  /** When the timer is set to start the next scheduled run, empty without a schedule. */
  Optional<ZonedDateTime> planned() {
    return Optional.ofNullable(planned);
  }

  private Optional<ZonedDateTime> following() {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(service.config().zone()));
    ZonedDateTime after = planned != null && planned.isAfter(now) ? planned : now;
    return schedule.flatMap(cron -> cron.next(after));
  }

  private void scheduleNext() {
    Optional<ZonedDateTime> next = following();
    if (next.isEmpty()) {
      log.warn("monitor schedule {} has no next run", schedule.get());
      return;
    }
    planned = next.orElseThrow();
    long delay = Math.max(1, Duration.between(clock.instant(), planned.toInstant()).toMillis());
    log.info("next scheduled monitor run at {}", planned);
    vertx.setTimer(delay, id -> tick().onComplete(ar -> scheduleNext()));
  }
}
