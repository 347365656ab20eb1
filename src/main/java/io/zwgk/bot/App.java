package io.zwgk.bot;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.dingtalk.DingTalkReplyClient;
import io.zwgk.bot.chat.dingtalk.DingTalkRoutes;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.http.HealthRoutes;
import io.zwgk.bot.http.HttpVerticle;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.DemoData;
import io.zwgk.bot.stats.StatsImporter;
import io.zwgk.bot.stats.StatsRoutes;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.StatsStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The wired service: stores, services and the HTTP verticle, built once from settings and bot-config. {@link Main}
 * starts it for real; integration tests start the same thing against their own Redis and WireMock.
 */
public final class App {
  private final Vertx vertx;
  private final Redis redis;
  private final Services services;
  private HttpVerticle http;
  private String deploymentId;

  /** The long-lived objects of one running service; the CLI uses them without HTTP. */
  public record Services(StatsStore stats, StatsImporter importer, CommandService commands, ChatService chat) {
  }

  private App(Vertx vertx, Redis redis, Services services) {
    this.vertx = vertx;
    this.redis = redis;
    this.services = services;
  }

  /** Connects to Redis and builds every service, without listening on a port (used by the CLI). */
  public static Future<App> build(Vertx vertx, Settings settings, BotConfig config, String redisUri, Clock clock) {
    return Redis.connect(vertx, redisUri).map(redis -> new App(vertx, redis, services(vertx, settings, config,
        redis, clock)));
  }

  /** Builds everything, loads demo data into an empty store if enabled, and starts listening. */
  public static Future<App> start(Vertx vertx, Settings settings, BotConfig config, String redisUri, Clock clock) {
    return build(vertx, settings, config, redisUri, clock)
        .compose(app -> app.services.stats().listenForChanges().map(app))
        .compose(app -> app.loadDemo(settings).map(app))
        .compose(app -> app.listen(settings, config, clock));
  }

  private static Services services(Vertx vertx, Settings settings, BotConfig config, Redis redis, Clock clock) {
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    StatsImporter importer = new StatsImporter(vertx, stats);
    CommandService commands = new CommandService(stats, new BindingStore(redis), config.units(),
        WorkCalendar.load(settings.configDir().resolve("holidays-cn.csv")));
    WebClient web = WebClient.create(vertx, new WebClientOptions().setUserAgent("zwgk-bot/1.0")
        .setConnectTimeout((int) settings.outboundTimeoutMs()));
    DingTalkReplyClient dingtalk = new DingTalkReplyClient(web, Duration.ofMillis(settings.outboundTimeoutMs()));
    ReplyChannel dingtalkChannel = (to, message) -> dingtalk.reply(to.reply(), message, clock.instant());
    Outbox outbox = new Outbox(new OutboxStore(redis), new ChatConfig(java.util.List.of(), java.util.List.of()),
        platform -> 18000, clock);
    ChatService chat = new ChatService(new DedupeStore(redis), commands, Map.of("dingtalk", dingtalkChannel), outbox);
    return new Services(stats, importer, commands, chat);
  }

  /** Loads the demo tables into an empty store when {@code ZWGK_DEMO} allows it. */
  public Future<Void> loadDemo(Settings settings) {
    if (!settings.demo()) {
      return Future.succeededFuture();
    }
    return DemoData.loadIfEmpty(vertx, services.stats(), services.importer(),
        settings.configDir().resolve("demo")).mapEmpty();
  }

  private Future<App> listen(Settings settings, BotConfig config, Clock clock) {
    AdminAuth auth = new AdminAuth(settings.adminToken().map(Secret::value));
    http = new HttpVerticle(v -> {
      Router router = Router.router(v);
      ErrorMapping.install(router);
      HealthRoutes.mount(router, redis);
      DingTalkRoutes.mount(router, services.chat(), settings.dingtalkAppSecret().map(Secret::value), clock);
      StatsRoutes.mount(router, auth, services.importer());
      return router;
    }, settings.httpHost(), settings.httpPort());
    return vertx.deployVerticle(http).map(id -> {
      deploymentId = id;
      return this;
    });
  }

  public Services services() {
    return services;
  }

  /** The HTTP port actually bound. */
  public int port() {
    return http.actualPort();
  }

  /** Stops listening and closes Redis. */
  public Future<Void> stop() {
    Future<Void> undeployed = deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId);
    return undeployed.eventually(redis::close);
  }
}
