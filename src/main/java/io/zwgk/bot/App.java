package io.zwgk.bot;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Timer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.zwgk.bot.bulletin.BulletinNudgeVerticle;
import io.zwgk.bot.bulletin.BulletinRoutes;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.chat.OutboxGauges;
import io.zwgk.bot.chat.OutboxRoutes;
import io.zwgk.bot.chat.OutboxVerticle;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.http.HookHints;
import io.zwgk.bot.http.Utf8Uris;
import io.zwgk.bot.http.HealthRoutes;
import io.zwgk.bot.http.HttpLimits;
import io.zwgk.bot.http.HttpVerticle;
import io.zwgk.bot.monitor.MonitorRoutes;
import io.zwgk.bot.monitor.MonitorVerticle;
import io.zwgk.bot.http.MetricsRoutes;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.remind.CalendarRoutes;
import io.zwgk.bot.remind.ReminderRoutes;
import io.zwgk.bot.remind.ReminderVerticle;
import io.zwgk.bot.remind.TrackedRoutes;
import java.time.Duration;
import io.zwgk.bot.stats.DemoData;
import io.zwgk.bot.stats.StatsRoutes;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ScheduleStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The wired service: stores, services, chat platforms, the outbox dispatcher and the HTTP verticle, built once from
 * the {@link Configuration}. {@link Main} starts it for real; integration tests start the same thing against their
 * own Redis and WireMock.
 */
public final class App {
  /** How often the schedules (reminders, monitor, bulletin nudge) are checked. */
  static final Duration SCHEDULE_TICK = Duration.ofSeconds(30);
  /** How often the outbox gauges are read from Redis. */
  static final Duration GAUGE_REFRESH = Duration.ofSeconds(15);
  /** The longest a graceful stop waits for replies and the outbox round in progress before closing Redis. */
  static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
  private final Vertx vertx;
  private final Redis redis;
  private final Configuration config;
  private final Services services;
  private final Metrics metrics;
  private final List<String> deployments = new ArrayList<>();
  /** The HTTP verticle and the long connections: what receives messages, stopped first. */
  private final List<String> front = new ArrayList<>();
  private volatile int port;

  private App(Vertx vertx, Redis redis, Configuration config, Services services, Metrics metrics) {
    this.vertx = vertx;
    this.redis = redis;
    this.config = config;
    this.services = services;
    this.metrics = metrics;
  }

  /** Connects to Redis and builds every service, without listening or delivering (used by the CLI). */
  public static Future<App> build(Vertx vertx, Configuration config, String redisUri, Clock clock) {
    Metrics metrics = Metrics.prometheus();
    return Redis.connect(vertx, redisUri, metrics)
        .map(redis -> new App(vertx, redis, config, Services.create(vertx, config, redis, clock, metrics), metrics))
        .onFailure(e -> metrics.close());
  }

  /**
   * Builds everything, loads demo data into an empty store if enabled, starts delivering and listening. When a step
   * fails, what was started is stopped again (Redis client included) before the future fails.
   */
  public static Future<App> start(Vertx vertx, Configuration config, String redisUri, Clock clock,
      DeliveryPolicy policy) {
    return build(vertx, config, redisUri, clock)
        .compose(app -> app.begin(clock, policy).recover(e -> app.stop().transform(v -> Future.failedFuture(e))));
  }

  private Future<App> begin(Clock clock, DeliveryPolicy policy) {
    return services.stats().listenForChanges()
        .compose(v -> loadDemo())
        .compose(v -> deploy(new OutboxVerticle(services.outboxStore(), services.rates(), services.platforms(),
            config.chat(), services.outbox(), policy, clock, metrics)))
        .compose(v -> deploy(new OutboxGauges(services.outboxStore(), metrics, clock, GAUGE_REFRESH)))
        .compose(v -> deploy(new ReminderVerticle(services.reminders(),
            new ScheduleStore(redis, ReminderVerticle.SCHEDULE), clock, SCHEDULE_TICK)))
        .compose(v -> deploy(new MonitorVerticle(services.monitor(),
            new ScheduleStore(redis, MonitorVerticle.SCHEDULE), clock, SCHEDULE_TICK)))
        .compose(v -> deploy(new BulletinNudgeVerticle(services.bulletins(), services.outbox(), config.calendar(),
            config.nudge(), new ScheduleStore(redis, BulletinNudgeVerticle.SCHEDULE),
            clock.withZone(config.settings().zone()), SCHEDULE_TICK)))
        .compose(v -> connectRobots())
        .compose(app -> listen(clock));
  }

  /** Loads the demo tables into an empty store when {@code ZWGK_DEMO} allows it. */
  public Future<Void> loadDemo() {
    if (!config.settings().demo()) {
      return Future.succeededFuture();
    }
    return DemoData.loadIfEmpty(vertx, services.stats(), services.importer(),
        config.settings().configDir().resolve("demo")).mapEmpty();
  }

  private Future<App> connectRobots() {
    List<Deployable> connections = new ArrayList<>();
    services.platforms().values().forEach(p -> connections.addAll(p.connections(services.chat())));
    Future<Void> all = Future.succeededFuture();
    for (Deployable connection : connections) {
      all = all.compose(v -> deploy(connection, front));
    }
    return all.map(this);
  }

  private Future<App> listen(Clock clock) {
    Settings settings = config.settings();
    AdminAuth auth = new AdminAuth(settings.adminToken().map(Secret::value));
    return HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      ErrorMapping.install(router);
      Utf8Uris.install(router);
      HealthRoutes.mount(router, redis);
      MetricsRoutes.mount(router, metrics, settings.metricsToken().map(Secret::value));
      MetricsRoutes.countRejections(router, metrics, services.platforms().keySet());
      services.platforms().values().forEach(p -> p.mount(router, services.chat()));
      HookHints.mount(router);
      StatsRoutes.mount(router, auth, services.importer());
      OutboxRoutes.mount(router, auth, services.outbox());
      CalendarRoutes.mount(router, config.calendar());
      TrackedRoutes.mount(router, auth, services.trackedImporter());
      ReminderRoutes.mount(router, auth, services.reminders(), clock);
      MonitorRoutes.mount(router, auth, services.monitor());
      BulletinRoutes.mount(router, auth, services.bulletins());
      return router;
    }, settings.httpHost(), settings.httpPort(), HttpVerticle.defaultInstances(),
        HttpLimits.withMaxPerAddress(settings.maxConnectionsPerAddress())).map(listening -> {
      front.add(listening.deploymentId());
      port = listening.port();
      services.monitor().ownPorts().add(port);
      return this;
    });
  }

  private Future<Void> deploy(Deployable verticle) {
    return deploy(verticle, deployments);
  }

  /** Deploys and records the id in {@code ids}: {@code front} for what receives messages, else the background. */
  private Future<Void> deploy(Deployable verticle, List<String> ids) {
    return vertx.deployVerticle(verticle).map(id -> {
      ids.add(id);
      return null;
    });
  }

  public Services services() {
    return services;
  }

  /** The HTTP port actually bound. */
  public int port() {
    return port;
  }

  /** The service's meters, as {@code GET /metrics} shows them. */
  public Metrics metrics() {
    return metrics;
  }

  /**
   * Stops gracefully: the HTTP server and the long connections first (nothing new arrives; requests in progress are
   * answered), then waits for the replies in progress, then the background verticles in reverse order (the outbox
   * finishes its round, the reminder verticle gives its lock up). After at most {@link #SHUTDOWN_GRACE} Redis is
   * closed whatever is still running.
   */
  public Future<Void> stop() {
    Future<Void> stopped = undeploy(front)
        .compose(v -> services.chat().idle())
        .compose(v -> undeploy(deployments));
    Timer grace = vertx.timer(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    return Future.any(stopped, grace)
        .transform(ar -> {
          grace.cancel();
          return redis.close();
        })
        .eventually(() -> services.monitor().close().recover(e -> Future.succeededFuture()))
        .eventually(() -> {
          metrics.close();
          return Future.succeededFuture();
        });
  }

  private Future<Void> undeploy(List<String> ids) {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = ids.size() - 1; i >= 0; i--) {
      String id = ids.get(i);
      undeployed = undeployed.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
    }
    return undeployed;
  }
}
