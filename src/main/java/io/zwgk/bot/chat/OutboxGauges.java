package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.ops.SafeText;
import io.zwgk.bot.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the outbox gauges: reads depth, oldest-message age and dead letters from Redis at start and every
 * {@code period}, so a scrape of {@code /metrics} never waits on Redis. Every instance reads the same shared outbox.
 */
public final class OutboxGauges extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

  private final OutboxStore store;
  private final Metrics metrics;
  private final Clock clock;
  private final Duration period;

  public OutboxGauges(OutboxStore store, Metrics metrics, Clock clock, Duration period) {
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
    this.period = period;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(1, period.toMillis(), id -> refresh());
    return Future.succeededFuture();
  }

  /** Reads the outbox once and sets the gauges; on failure they keep their last values. */
  public Future<Void> refresh() {
    return store.backlog(clock.millis())
        .onSuccess(b -> metrics.outbox(b.messages(), b.oldestAgeMs(), b.dead()))
        .onFailure(e -> log.debug("outbox gauges not refreshed: {}", SafeText.of(e)))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }
}
