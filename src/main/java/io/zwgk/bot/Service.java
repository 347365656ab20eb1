package io.zwgk.bot;

import io.vertx.core.Vertx;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.ops.ChineseText;
import io.zwgk.bot.store.RedisLauncher;
import io.zwgk.bot.store.RedisSupervisorVerticle;
import java.net.BindException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code serve} mode's lifecycle on the main thread: the local redis-server (without {@code REDIS_URL}), the app,
 * the redis supervisor and the shutdown hook. The hook is registered as soon as a redis-server runs, and a start that
 * fails stops everything it started before the one-line failure reaches {@link Main}, so no failure leaves a process
 * behind.
 */
final class Service {
  private static final Logger log = LoggerFactory.getLogger(Service.class);
  /** How long a failed start waits for Vert.x to close before the process exits anyway. */
  private static final long FAILED_START_CLOSE_SECONDS = 3;

  private Service() {
  }

  /** Starts the service; returns once it listens (the JVM then lives on its non-daemon threads). */
  static void serve(Configuration config) {
    Settings settings = config.settings();
    ChineseText.load(); // builds its table here, so no event loop waits for it on the first message
    Optional<RedisLauncher> local = settings.redisUrl().isPresent() ? Optional.empty()
        : Optional.of(RedisLauncher.start(Optional.of(settings.dataDir())));
    String redisUri = settings.redisUrl().orElseGet(() -> local.get().uri());
    Vertx vertx;
    try {
      vertx = Vertx.vertx();
    } catch (RuntimeException | Error e) {
      local.ifPresent(RedisLauncher::close);
      throw e;
    }
    AtomicReference<App> started = new AtomicReference<>();
    Thread hook = new Thread(() -> stop(started.get(), vertx, local), "zwgk-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      App app = App.start(vertx, config, redisUri, Clock.system(settings.zone()), DeliveryPolicy.defaults())
          .await(); // blocking-ok: main thread
      started.set(app);
      local.ifPresent(l -> vertx.deployVerticle(new RedisSupervisorVerticle(l, app.metrics()))
          .await()); // blocking-ok: main thread
      log.info("zwgk-bot ready on :{} ({} units, {} robots, {} groups; Redis {})", app.port(),
          config.bot().units().size(), config.chat().robots().size(), config.chat().groups().size(),
          local.isPresent() ? "local " + redisUri : "external");
    } catch (Exception e) { // Future.await() rethrows checked causes (a BindException) unchecked
      abandon(hook, vertx, local);
      throw startFailure(e, settings);
    } catch (Error e) {
      abandon(hook, vertx, local);
      throw e;
    }
  }

  /** After a failed start: Vert.x closed (bounded), the local redis-server stopped, the hook no longer needed. */
  private static void abandon(Thread hook, Vertx vertx, Optional<RedisLauncher> local) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook runs as well, and closing twice is harmless
    }
    try {
      vertx.close().await(FAILED_START_CLOSE_SECONDS, TimeUnit.SECONDS); // blocking-ok: main thread
    } catch (Exception e) {
      log.debug("closing Vert.x after a failed start", e);
    } finally {
      local.ifPresent(RedisLauncher::close);
    }
  }

  /** The failure as one line for the operator: an HTTP port in use names the port and its variable. */
  static RuntimeException startFailure(Throwable e, Settings settings) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
        return new IllegalStateException("HTTP 端口 " + settings.httpPort() + " 已被占用 (port "
            + settings.httpHost() + ":" + settings.httpPort() + " already in use): 请停止占用它的程序，或用 "
            + Settings.HTTP_PORT + " 指定另一个端口 (set " + Settings.HTTP_PORT + " to a free port)", e);
      }
    }
    return e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
  }

  /** The shutdown hook: stop the app gracefully (bounded), close Vert.x, then the supervised redis-server. */
  private static void stop(App app, Vertx vertx, Optional<RedisLauncher> local) {
    log.info("shutting down: no new requests; finishing replies and the outbox round in progress");
    try {
      if (app != null) {
        app.stop().await(App.SHUTDOWN_GRACE.toSeconds() + 5, TimeUnit.SECONDS); // blocking-ok: shutdown hook thread
      }
      vertx.close().await(10, TimeUnit.SECONDS); // blocking-ok: shutdown hook thread
    } catch (Exception e) {
      log.warn("shutdown did not complete cleanly: {}", e.toString());
    } finally {
      local.ifPresent(RedisLauncher::close);
      log.info("stopped");
    }
  }
}
