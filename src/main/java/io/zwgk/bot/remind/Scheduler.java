package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.store.ScheduleStore;
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
 * Runs one group of {@link ScheduledJob}s at their slots, the same way on every instance: every {@code period} a tick
 * takes the group's Redis lock (kept, and extended while a run lasts, by the instance that has it) and runs, for each
 * job, the slot {@link Slots} finds due since the job's last recorded slot, then records that slot. So a slot missed
 * during a restart is run once when the service is back (unless older than {@link #CATCH_UP}), a failed run is tried
 * again at the next tick, and two instances never both run a slot. Call {@link #start} and {@link #stop} from the
 * owning verticle, so the timers belong to its context.
 *
 * @param <T> what a run answers
 */
public final class Scheduler<T> {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);
  /** Missed slots older than this are not run late. */
  public static final Duration CATCH_UP = Duration.ofHours(12);

  private final Vertx vertx;
  private final ScheduleStore store;
  private final List<ScheduledJob<T>> jobs;
  private final Slots slots;
  private final Duration period;
  private final Duration ttl;
  private final String owner = UUID.randomUUID().toString();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Future<List<T>> current = Future.succeededFuture(List.of());
  private long timer = -1;

  /**
   * @param clock in the zone of the jobs' crons
   * @param period how often to tick; the lock lapses a little sooner when its holder stops ticking
   */
  public Scheduler(Vertx vertx, ScheduleStore store, List<ScheduledJob<T>> jobs, Clock clock, Duration period) {
    this.vertx = vertx;
    this.store = store;
    this.jobs = List.copyOf(jobs);
    this.slots = new Slots(clock, CATCH_UP);
    this.period = period;
    this.ttl = period.compareTo(Duration.ofSeconds(1)) > 0 ? period.minusMillis(500) : period;
  }

  /** Ticks every period from now on; without jobs it does nothing. */
  public void start() {
    if (jobs.isEmpty()) {
      return;
    }
    jobs.forEach(job -> log.info("schedule {}: {} next at {}", store.group(), job.name(),
        slots.next(job).map(ZonedDateTime::toString).orElse("(never)")));
    timer = vertx.setPeriodic(period.toMillis(), id -> tick()
        .onFailure(e -> log.warn("schedule {} tick failed (will catch up): {}", store.group(), e.getMessage())));
  }

  /** Lets a run in progress finish, then gives the lock up so another instance need not wait it out. */
  public Future<Void> stop() {
    vertx.cancelTimer(timer);
    return current.otherwise(List.of()).compose(v -> store.lock().release(owner)).otherwise(false).mapEmpty();
  }

  /** Runs every job's due slot; answers the runs made (empty when none is due or another instance has the lock). */
  public Future<List<T>> tick() {
    if (!running.compareAndSet(false, true)) {
      return Future.succeededFuture(List.of());
    }
    current = store.lock().acquire(owner, ttl)
        .compose(locked -> locked ? runLocked() : Future.succeededFuture(List.<T>of()))
        .onComplete(ar -> running.set(false));
    return current;
  }

  /** The job's next slot, empty when its cron has none. */
  public Optional<ZonedDateTime> next(ScheduledJob<T> job) {
    return slots.next(job);
  }

  private Future<List<T>> runLocked() {
    long renew = vertx.setPeriodic(Math.max(1, ttl.toMillis() / 3), id -> store.lock().extend(owner, ttl)
        .onFailure(e -> log.warn("schedule {} lock not extended: {}", store.group(), e.getMessage())));
    return runDue().onComplete(ar -> vertx.cancelTimer(renew));
  }

  private Future<List<T>> runDue() {
    List<T> done = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (ScheduledJob<T> job : jobs) {
      chain = chain.compose(v -> store.lastSlot(job.name())).compose(last -> runIfDue(job, last)).map(ran -> {
        ran.ifPresent(done::add);
        return null;
      });
    }
    return chain.map(v -> done);
  }

  private Future<Optional<T>> runIfDue(ScheduledJob<T> job, Optional<Instant> last) {
    Slots.Decision decision = slots.decide(job, last);
    if (decision instanceof Slots.Run due) {
      return Future.succeededFuture(due.at()).compose(job.run())
          .compose(result -> store.setLastSlot(job.name(), due.at().toInstant()).map(Optional.of(result)));
    }
    if (decision instanceof Slots.TooOld old) {
      log.warn("schedule {}: {} at {} was missed and is too old to run now", store.group(), job.name(), old.at());
      return store.setLastSlot(job.name(), old.at().toInstant()).map(Optional.empty());
    }
    if (decision instanceof Slots.Start start) {
      return store.setLastSlot(job.name(), start.now().toInstant()).map(Optional.empty());
    }
    return Future.succeededFuture(Optional.empty());
  }
}
