package io.zwgk.bot.store;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.ops.ReconnectBackoff;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the restarts of the local redis-server: when the process exits and the launcher was not closed, it starts a new
 * one on the same port and AOF after {@link #BACKOFF} (0.5 s doubling to 30 s; back to 0.5 s once a server ran
 * {@link #STABLE}), logs and counts every restart. Lettuce reconnects by itself. No thread waits: the exit arrives
 * through {@link Process#onExit()} bridged to this verticle's context, waits are Vert.x timers, and the (blocking)
 * launch runs through {@code executeBlocking}. Undeploy it before closing the launcher; a closed launcher is never
 * restarted either way.
 */
public final class RedisSupervisorVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(RedisSupervisorVerticle.class);
  static final ReconnectBackoff BACKOFF = new ReconnectBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0);
  static final Duration STABLE = Duration.ofSeconds(60);

  private final RedisLauncher launcher;
  private final Metrics metrics;
  /** Restarts since the last server that ran {@link #STABLE}; confined to this verticle's context. */
  private int quickRestarts;
  private long startedAt;
  private volatile boolean stopped;

  public RedisSupervisorVerticle(RedisLauncher launcher, Metrics metrics) {
    this.launcher = launcher;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    watch(launcher.process());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return Future.succeededFuture();
  }

  private void watch(Process server) {
    startedAt = System.nanoTime();
    Future.fromCompletionStage(server.onExit(), context).onSuccess(this::exited);
  }

  private void exited(Process server) {
    if (stopped || launcher.closed()) {
      return;
    }
    quickRestarts = afterExit(quickRestarts, Duration.ofNanos(System.nanoTime() - startedAt));
    Duration delay = BACKOFF.delay(quickRestarts, 0);
    log.warn("local redis-server on port {} exited unexpectedly (code {}); restarting in {} ms", launcher.port(),
        server.exitValue(), delay.toMillis());
    restartAfter(delay);
  }

  /** The count of quick restarts once a server that ran for {@code ranFor} exited: 0 after a stable run. */
  static int afterExit(int quickRestarts, Duration ranFor) {
    return ranFor.compareTo(STABLE) >= 0 ? 0 : quickRestarts;
  }

  private void restartAfter(Duration delay) {
    vertx.setTimer(Math.max(1, delay.toMillis()), id -> restart());
  }

  private void restart() {
    if (stopped || launcher.closed()) {
      return;
    }
    quickRestarts++;
    vertx.executeBlocking(launcher::relaunch).onComplete(ar -> {
      if (ar.succeeded()) {
        metrics.redisRestart();
        log.info("local redis-server restarted on port {} (restart {} in a row)", launcher.port(), quickRestarts);
        watch(ar.result());
      } else if (!stopped && !launcher.closed()) {
        Duration delay = BACKOFF.delay(quickRestarts, 0);
        log.warn("local redis-server did not restart on port {}: {}; trying again in {} ms", launcher.port(),
            ar.cause().getMessage(), delay.toMillis());
        restartAfter(delay);
      }
    });
  }
}
