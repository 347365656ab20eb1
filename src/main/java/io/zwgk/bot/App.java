package io.zwgk.bot;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.zwgk.bot.chat.ChatPlatform;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.OutboxRoutes;
import io.zwgk.bot.chat.OutboxVerticle;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.SenderLimits;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.chat.feishu.FeishuPlatform;
import io.zwgk.bot.chat.wecom.WeComPlatform;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.http.HealthRoutes;
import io.zwgk.bot.http.HttpVerticle;
import io.zwgk.bot.remind.CalendarRoutes;
import io.zwgk.bot.command.Resolution;
import io.zwgk.bot.command.UnitResolver;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderRoutes;
import io.zwgk.bot.remind.ReminderService;
import io.zwgk.bot.remind.ReminderVerticle;
import io.zwgk.bot.remind.TrackedImporter;
import io.zwgk.bot.remind.TrackedRoutes;
import io.zwgk.bot.store.ReminderStore;
import io.zwgk.bot.store.TrackedStore;
import java.time.Duration;
import java.util.Optional;
import io.zwgk.bot.stats.DemoData;
import io.zwgk.bot.stats.StatsImporter;
import io.zwgk.bot.stats.StatsRoutes;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.StatsStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wired service: stores, services, chat platforms, the outbox dispatcher and the HTTP verticle, built once from
 * the {@link Configuration}. {@link Main} starts it for real; integration tests start the same thing against their
 * own Redis and WireMock.
 */
public final class App {
  /** How often the reminder schedules are checked. */
  static final Duration REMINDER_TICK = Duration.ofSeconds(30);
  private final Vertx vertx;
  private final Redis redis;
  private final Configuration config;
  private final Services services;
  private final List<String> deployments = new ArrayList<>();
  private HttpVerticle http;

  /** The long-lived objects of one running service; the CLI and tests use them without HTTP. */
  public record Services(StatsStore stats, StatsImporter importer, CommandService commands, ChatService chat,
      Outbox outbox, OutboxStore outboxStore, RateLimitStore rates, Map<String, ChatPlatform> platforms,
      TrackedStore tracked, TrackedImporter trackedImporter, ReminderService reminders, ReminderStore reminderStore) {
  }

  private App(Vertx vertx, Redis redis, Configuration config, Services services) {
    this.vertx = vertx;
    this.redis = redis;
    this.config = config;
    this.services = services;
  }

  /** Connects to Redis and builds every service, without listening or delivering (used by the CLI). */
  public static Future<App> build(Vertx vertx, Configuration config, String redisUri, Clock clock) {
    return Redis.connect(vertx, redisUri)
        .map(redis -> new App(vertx, redis, config, services(vertx, config, redis, clock)));
  }

  /** Builds everything, loads demo data into an empty store if enabled, starts delivering and listening. */
  public static Future<App> start(Vertx vertx, Configuration config, String redisUri, Clock clock,
      DeliveryPolicy policy) {
    return build(vertx, config, redisUri, clock)
        .compose(app -> app.services.stats().listenForChanges().map(app))
        .compose(app -> app.loadDemo().map(app))
        .compose(app -> app.deploy(new OutboxVerticle(app.services.outboxStore(), app.services.rates(),
            app.services.platforms(), config.chat(), app.services.outbox(), policy, clock)).map(app))
        .compose(app -> app.deploy(new ReminderVerticle(app.services.reminders(), app.services.reminderStore(),
            clock, REMINDER_TICK)).map(app))
        .compose(App::connectRobots)
        .compose(app -> app.listen(clock));
  }

  private static Services services(Vertx vertx, Configuration config, Redis redis, Clock clock) {
    Settings settings = config.settings();
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    WebClient web = WebClient.create(vertx, new WebClientOptions().setUserAgent("zwgk-bot/1.0")
        .setConnectTimeout((int) settings.outboundTimeoutMs()));
    Map<String, ChatPlatform> platforms = OutboxVerticle.byName(List.of(
        new DingTalkPlatform(vertx, web, settings, config.chat().robots("dingtalk"), clock),
        new WeComPlatform(vertx, web, settings, config.chat().robots("wecom"), clock),
        new FeishuPlatform(vertx, web, settings, config.chat().robots("feishu"), clock)));
    OutboxStore outboxStore = new OutboxStore(redis);
    Outbox outbox = new Outbox(outboxStore, config.chat(), p -> platforms.get(p).groups().maxTextBytes(), clock);
    TrackedStore tracked = new TrackedStore(redis);
    ReminderStore reminderStore = new ReminderStore(redis);
    ReminderService reminders = new ReminderService(tracked, reminderStore, config.reminders(), config.calendar(),
        config.bot().units(), config.chat(), outbox);
    CommandService commands = new CommandService(stats, new BindingStore(redis), config.bot(), config.calendar(),
        new ReminderActions(tracked, reminderStore, reminders), clock);
    UnitResolver units = new UnitResolver(config.bot().units());
    TrackedImporter trackedImporter = new TrackedImporter(vertx, tracked, name -> units.resolve(name) instanceof
        Resolution.Found f ? Optional.of(f.unit().name()) : Optional.empty(), config.calendar()::addWorkingDays);
    Map<String, ReplyChannel> replies = new HashMap<>();
    platforms.forEach((name, p) -> replies.put(name, p.replies()));
    RateLimitStore rates = new RateLimitStore(redis);
    ChatService chat = new ChatService(new DedupeStore(redis), commands, replies, outbox, rates,
        SenderLimits.defaults(), clock);
    return new Services(stats, new StatsImporter(vertx, stats), commands, chat, outbox, outboxStore,
        rates, platforms, tracked, trackedImporter, reminders, reminderStore);
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
      all = all.compose(v -> deploy(connection));
    }
    return all.map(this);
  }

  private Future<App> listen(Clock clock) {
    Settings settings = config.settings();
    AdminAuth auth = new AdminAuth(settings.adminToken().map(Secret::value));
    http = new HttpVerticle(v -> {
      Router router = Router.router(v);
      ErrorMapping.install(router);
      HealthRoutes.mount(router, redis);
      services.platforms().values().forEach(p -> p.mount(router, services.chat()));
      StatsRoutes.mount(router, auth, services.importer());
      OutboxRoutes.mount(router, auth, services.outboxStore());
      CalendarRoutes.mount(router, config.calendar());
      TrackedRoutes.mount(router, auth, services.trackedImporter());
      ReminderRoutes.mount(router, auth, services.reminders(), clock);
      return router;
    }, settings.httpHost(), settings.httpPort());
    return deploy(http).map(this);
  }

  private Future<Void> deploy(Deployable verticle) {
    return vertx.deployVerticle(verticle).map(id -> {
      deployments.add(id);
      return null;
    });
  }

  public Services services() {
    return services;
  }

  /** The HTTP port actually bound. */
  public int port() {
    return http.actualPort();
  }

  /** Undeploys in reverse order (HTTP first, so nothing new arrives), then closes Redis. */
  public Future<Void> stop() {
    Future<Void> undeployed = Future.succeededFuture();
    for (int i = deployments.size() - 1; i >= 0; i--) {
      String id = deployments.get(i);
      undeployed = undeployed.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
    }
    return undeployed.eventually(redis::close);
  }
}
