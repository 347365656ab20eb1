package io.zwgk.bot;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.BulletinSetup;
import io.zwgk.bot.bulletin.BulletinStore;
import io.zwgk.bot.chat.ChatPlatform;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.FileDownloader;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.OutboxVerticle;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.SenderLimits;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.chat.feishu.FeishuPlatform;
import io.zwgk.bot.chat.wecom.WeComPlatform;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.imports.ChatImports;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.monitor.OwnPorts;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderService;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedImporter;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.ImportSlots;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.StatsImporter;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.UnitResolver;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ReminderStore;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The long-lived objects of one running service, wired once; the CLI and tests use them without HTTP. */
public record Services(StatsStore stats, StatsImporter importer, CommandService commands, ChatService chat,
    Outbox outbox, OutboxStore outboxStore, RateLimitStore rates, Map<String, ChatPlatform> platforms,
    TrackedStore tracked, TrackedImporter trackedImporter, ReminderService reminders, ReminderStore reminderStore,
    MonitorService monitor, BulletinService bulletins) {

  /**
   * Keep-alive connections to one host. Every DingTalk reply goes to the same host, so Vert.x's default of 5 would
   * cap direct replies at 5 per platform round trip (about 100–170 a second) and make a burst wait for a connection.
   */
  static final int CONNECTIONS_PER_HOST = 32;

  /** The one web client of an instance: platform APIs and replies (the site monitor has its own client). */
  public static WebClient webClient(Vertx vertx, Settings settings) {
    WebClientOptions options = new WebClientOptions().setUserAgent("zwgk-bot/1.0")
        .setConnectTimeout((int) settings.outboundTimeoutMs());
    return WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(CONNECTIONS_PER_HOST));
  }

  /** Builds every service of one running instance over one Redis connection. */
  static Services create(Vertx vertx, Configuration config, Redis redis, Clock clock, Metrics metrics) {
    Settings settings = config.settings();
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    WebClient web = webClient(vertx, settings);
    Map<String, ChatPlatform> platforms = OutboxVerticle.byName(List.of(
        new DingTalkPlatform(vertx, web, settings, config.chat().robots("dingtalk"), clock),
        new WeComPlatform(vertx, web, settings, config.chat().robots("wecom"), clock),
        new FeishuPlatform(vertx, web, settings, config.chat().robots("feishu"), clock)));
    OutboxStore outboxStore = new OutboxStore(redis);
    Outbox outbox = new Outbox(outboxStore, config.chat(), p -> platforms.get(p).groups().maxTextBytes(), clock);
    TrackedStore tracked = new TrackedStore(redis);
    ReminderStore reminderStore = new ReminderStore(redis);
    SentReminderStore sentReminders = new SentReminderStore(redis);
    ReminderService reminders = new ReminderService(tracked, reminderStore, sentReminders, config.reminders(),
        config.calendar(), config.bot().units(), config.chat(), outbox);
    MonitorStore monitorStore = new MonitorStore(redis);
    BindingStore bindings = new BindingStore(redis);
    BulletinService bulletins = new BulletinService(new BulletinStore(redis), stats, tracked, monitorStore,
        sentReminders, outbox, bindings, config.chat(), new BulletinSetup(config.bulletin(), config.calendar(),
            config.reminders(), config.bot().units(), config.bot().unitNames(), settings.publicUrl(),
            config.bot().county()), clock);
    MonitorService monitor = new MonitorService(vertx, MonitorService.crawlerClient(vertx), config.monitor(),
        new OwnPorts(redis.port(), settings.httpPort()), tracked, monitorStore, clock);
    UnitResolver units = new UnitResolver(config.bot().units(), config.bot().unitNames());
    TrackedImporter trackedImporter = new TrackedImporter(vertx, tracked, name -> units.resolve(name) instanceof
        Resolution.Found f ? Optional.of(f.unit().name()) : Optional.empty(), config.calendar()::addWorkingDays,
        ImportSlots.process());
    StatsImporter importer = new StatsImporter(vertx, stats, config.bot().units(), config.bot().unitNames(),
        ImportSlots.process());
    CommandService commands = new CommandService(stats, bindings, config.bot(), config.calendar(),
        new ReminderActions(tracked, reminderStore, reminders), monitor, bulletins,
        Optional.of(new ChatImports(importer, trackedImporter, redis, clock)), clock, metrics);
    Map<String, ReplyChannel> replies = new HashMap<>();
    Map<String, FileDownloader> files = new HashMap<>();
    platforms.forEach((name, p) -> {
      replies.put(name, p.replies());
      files.put(name, p.files());
    });
    RateLimitStore rates = new RateLimitStore(redis);
    ChatService chat = new ChatService(new DedupeStore(redis), commands, replies, files, outbox,
        SenderLimits.defaults(), clock, metrics);
    return new Services(stats, importer, commands, chat, outbox, outboxStore, rates, platforms,
        tracked, trackedImporter, reminders, reminderStore, monitor, bulletins);
  }
}
