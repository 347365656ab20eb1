package io.zwgk.bot.testing;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.BulletinSetup;
import io.zwgk.bot.bulletin.BulletinStore;
import io.zwgk.bot.bulletin.BulletinTemplates;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.SenderLimits;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.monitor.MonitorConfig;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.ReminderService;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.UnitNames;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ReminderStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** A real ChatService over the suite's Redis for one platform's integration tests, without the rest of the app. */
public final class TestChat {
  private TestChat() {
  }

  public static ChatService chatService(Vertx vertx, Redis redis, String platform, ReplyChannel replies) {
    return chatService(vertx, redis, platform, replies, SenderLimits.none(), Clock.systemUTC());
  }

  /** The same with per-sender limits drawn at {@code clock}. */
  public static ChatService chatService(Vertx vertx, Redis redis, String platform, ReplyChannel replies,
      SenderLimits limits, Clock clock) {
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    WorkCalendar calendar = WorkCalendar.load(Path.of("bot-config/holidays-cn.csv"));
    ChatConfig chat = new ChatConfig(List.of(), List.of());
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> 4000, Clock.systemUTC());
    TrackedStore tracked = new TrackedStore(redis);
    ReminderStore reminderStore = new ReminderStore(redis);
    ReminderService reminders = new ReminderService(tracked, reminderStore, new SentReminderStore(redis),
        ReminderRules.defaults(), calendar, List.of(), chat, outbox);
    CommandService commands = new CommandService(stats, new BindingStore(redis), new BotConfig(List.of(), List.of(),
        UnitNames.NONE),
        calendar, new ReminderActions(tracked, reminderStore, reminders),
        new MonitorService(vertx, MonitorService.crawlerClient(vertx), MonitorConfig.disabled(),
            io.zwgk.bot.monitor.OwnPorts.none(), tracked, new MonitorStore(redis),
            Clock.systemUTC()), bulletins(stats, tracked, outbox, chat, calendar, redis), Clock.systemUTC());
    return new ChatService(new DedupeStore(redis), commands, Map.of(platform, replies), outbox, limits, clock);
  }

  /** A bulletin service over the repository's templates, for tests that need a whole CommandService. */
  public static BulletinService bulletins(StatsStore stats, TrackedStore tracked, Outbox outbox, ChatConfig chat,
      WorkCalendar calendar, Redis redis) {
    return new BulletinService(new BulletinStore(redis), stats, tracked, new MonitorStore(redis),
        new SentReminderStore(redis), outbox, new BindingStore(redis), chat,
        new BulletinSetup(BulletinTemplates.load(Path.of("bot-config/bulletin")), calendar, ReminderRules.defaults(),
            List.of(), UnitNames.NONE, java.util.Optional.empty()),
        Clock.systemUTC());
  }
}
