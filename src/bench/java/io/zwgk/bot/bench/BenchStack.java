package io.zwgk.bot.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.Configuration;
import io.zwgk.bot.Services;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.BulletinSetup;
import io.zwgk.bot.bulletin.BulletinStore;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.SenderLimits;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.http.HttpVerticle;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.monitor.OwnPorts;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderService;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.DemoData;
import io.zwgk.bot.stats.StatsImporter;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ReminderStore;
import java.time.Clock;
import java.util.Map;

/**
 * The DingTalk inbound path wired as {@code App} wires it (same stores, services, web client options, router and
 * HTTP verticle), with one difference the benchmark needs and {@code App} does not offer: the statistics cache can
 * be switched off. Nothing else runs (no outbox dispatcher, no reminder scheduler, no other platforms).
 */
final class BenchStack {
  /** The services a benchmark drives directly, and the bound port once listening. */
  record Built(StatsStore stats, StatsImporter importer, CommandService commands, ChatService chat,
      DingTalkPlatform dingtalk) {
  }

  private BenchStack() {
  }

  /** Builds the services over {@code redis}; {@code cache} false serves every statistics read from Redis. */
  static Built build(Vertx vertx, Configuration config, Redis redis, Clock clock, boolean cache) {
    StatsStore stats = new StatsStore(vertx, redis, cache, Ticker.systemTicker());
    Metrics metrics = Metrics.prometheus();
    WebClient web = Services.webClient(vertx, config.settings());
    DingTalkPlatform dingtalk = new DingTalkPlatform(vertx, web, config.settings(),
        config.chat().robots("dingtalk"), clock);
    Outbox outbox = new Outbox(new OutboxStore(redis), config.chat(), p -> dingtalk.groups().maxTextBytes(), clock);
    TrackedStore tracked = new TrackedStore(redis);
    ReminderStore reminderStore = new ReminderStore(redis);
    ReminderService reminders = new ReminderService(tracked, reminderStore, new SentReminderStore(redis),
        config.reminders(), config.calendar(), config.bot().units(), config.chat(), outbox);
    MonitorService monitor = new MonitorService(vertx, MonitorService.crawlerClient(vertx), config.monitor(),
        new OwnPorts(redis.port(), config.settings().httpPort()), tracked, new MonitorStore(redis), clock);
    BulletinService bulletins = new BulletinService(new BulletinStore(redis), stats, tracked, new MonitorStore(redis),
        new SentReminderStore(redis), outbox, new BindingStore(redis), config.chat(),
        new BulletinSetup(config.bulletin(), config.calendar(), config.reminders(), config.bot().units(),
            config.bot().unitNames(), config.settings().publicUrl()), clock);
    CommandService commands = new CommandService(stats, new BindingStore(redis), config.bot(), config.calendar(),
        new ReminderActions(tracked, reminderStore, reminders), monitor, bulletins, clock, metrics);
    ChatService chat = new ChatService(new DedupeStore(redis), commands, Map.of("dingtalk", dingtalk.replies()),
        outbox, SenderLimits.defaults(), clock, metrics);
    return new Built(stats, new StatsImporter(vertx, stats, config.bot().units(), config.bot().unitNames()),
        commands, chat, dingtalk);
  }

  /** Builds, loads the demo tables into an empty store, listens; answers the bound port. */
  static Future<Integer> start(Vertx vertx, Configuration config, Redis redis, Clock clock, boolean cache) {
    Built built = build(vertx, config, redis, clock, cache);
    return built.stats().listenForChanges()
        .compose(v -> DemoData.loadIfEmpty(vertx, built.stats(), built.importer(),
            config.settings().configDir().resolve("demo")))
        .compose(n -> HttpVerticle.deploy(vertx, v -> {
          Router router = Router.router(v);
          ErrorMapping.install(router);
          built.dingtalk().mount(router, built.chat());
          return router;
        }, config.settings().httpHost(), config.settings().httpPort(), HttpVerticle.defaultInstances()))
        .map(HttpVerticle.Listening::port);
  }
}
