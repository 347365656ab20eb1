package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import io.zwgk.bot.remind.ReminderService.Plan;
import io.zwgk.bot.store.ReminderStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the reminder schedules: every {@code period} it takes the shared scheduler lock and runs, for each schedule,
 * the latest occurrence since that schedule's last handled run. A run missed while the service or Redis was down is
 * thus caught up once when they are back (if it is not older than {@link #CATCH_UP}); older ones are skipped.
 */
public final class ReminderVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(ReminderVerticle.class);
  /** Missed runs older than this are not sent late. */
  static final Duration CATCH_UP = Duration.ofHours(12);

  private final ReminderService service;
  private final ReminderStore store;
  private final Clock clock;
  private final Duration period;
  private final String owner = UUID.randomUUID().toString();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Future<List<Plan>> current = Future.succeededFuture(List.of());
  private long timer;

  public ReminderVerticle(ReminderService service, ReminderStore store, Clock clock, Duration period) {
    this.service = service;
    this.store = store;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    timer = vertx.setPeriodic(period.toMillis(), id -> tick()
        .onFailure(e -> log.warn("reminder tick failed (will catch up): {}", e.getMessage())));
    return Future.succeededFuture();
  }

  /** Lets a run in progress finish, then gives the scheduler lock up so another instance need not wait it out. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return current.otherwise(List.of()).compose(v -> store.release(owner)).otherwise(false);
  }

  /** Runs every schedule that is due now; answers the runs made (empty when another instance holds the lock). */
  public Future<List<Plan>> tick() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(List.of());
    }
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(service.rules().zone()));
    current = store.lock(owner, period.minusMillis(500))
        .compose(locked -> locked ? runDue(now) : Future.succeededFuture(List.<Plan>of()))
        .onComplete(ar -> running.set(false));
    return current;
  }

  private Future<List<Plan>> runDue(ZonedDateTime now) {
    List<Plan> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Schedule schedule : service.rules().schedules()) {
      chain = chain.compose(v -> runIfDue(schedule, now)).map(plan -> {
        plan.ifPresent(done::add);
        return null;
      });
    }
    return chain.map(v -> done);
  }

  private Future<Optional<Plan>> runIfDue(Schedule schedule, ZonedDateTime now) {
    return store.lastRun(schedule.name()).compose(last -> {
      if (last.isEmpty()) {
        return store.setLastRun(schedule.name(), now.toInstant().toEpochMilli()).map(Optional.empty());
      }
      ZonedDateTime since = Instant.ofEpochMilli(last.get()).atZone(now.getZone());
      List<ZonedDateTime> missed = schedule.cron().between(since, now);
      if (missed.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      ZonedDateTime at = missed.get(missed.size() - 1);
      if (Duration.between(at, now).compareTo(CATCH_UP) > 0) {
        log.warn("reminder run {} at {} was missed and is too old to send now", schedule.name(), at);
        return store.setLastRun(schedule.name(), at.toInstant().toEpochMilli()).map(Optional.empty());
      }
      return service.run(at, schedule)
          .compose(plan -> store.setLastRun(schedule.name(), at.toInstant().toEpochMilli()).map(Optional.of(plan)));
    });
  }
}
