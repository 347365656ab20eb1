package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.BulletinSetup;
import io.zwgk.bot.bulletin.BulletinStore;
import io.zwgk.bot.bulletin.BulletinTemplates;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.StaffMember;
import io.zwgk.bot.monitor.MonitorConfig;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.monitor.OwnPorts;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.ReminderService;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ReminderStore;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 月报 发布/预览 with an issue date, 月报 期号 and 月报 更正 typed by office staff in chat, against real Redis; the clock
 * stands at 2024-05-08 09:00 in Shanghai.
 */
@ExtendWith(VertxRedisExtension.class)
class BulletinIssueCommandsIT {
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-08T01:00:00Z"));
  private CommandService commands;
  private BulletinService bulletins;
  private StatsStore stats;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    WorkCalendar calendar = WorkCalendar.load(Path.of("bot-config/holidays-cn.csv"));
    ChatConfig chat = new ChatConfig(List.of(), List.of(new GroupConfig("县直单位工作群", "dingtalk", "default",
        Optional.empty(), Optional.of(new Secret("https://oapi.dingtalk.com/robot/send?access_token=t")),
        Optional.empty(), false, true, List.of())));
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> 4000, clock);
    TrackedStore tracked = new TrackedStore(redis);
    ReminderStore reminderStore = new ReminderStore(redis);
    ReminderService reminders = new ReminderService(tracked, reminderStore, new SentReminderStore(redis),
        ReminderRules.defaults(), calendar, List.of(), chat, outbox);
    bulletins = new BulletinService(new BulletinStore(redis), stats, tracked, new MonitorStore(redis),
        new SentReminderStore(redis), outbox, new BindingStore(redis), chat, new BulletinSetup(BulletinTemplates.load(Path.of(
            "bot-config/bulletin")), calendar, ReminderRules.defaults(), List.of(), Optional.empty(), "信丰县"), clock);
    commands = new CommandService(stats, new BindingStore(redis), new BotConfig(List.of(),
        List.of(new StaffMember("dingtalk", "office-1", "李四"))), calendar,
        new ReminderActions(tracked, reminderStore, reminders), new MonitorService(vertx,
            MonitorService.crawlerClient(vertx), MonitorConfig.disabled(), OwnPorts.none(), tracked,
            new MonitorStore(redis), clock), bulletins, clock);
    stats.save(APRIL, SeedData.rows().stream().map(SeedData.Row::stats).toList()).await();
    bulletins.setCount(Actor.API, APRIL, "网络问政", 7).await();
  }

  private String ask(String user, String text) {
    return commands.handle(new CommandRequest("dingtalk", user, "李四", text)).await().text();
  }

  @Test
  @DisplayName("发布 with a date before the month's end or too far ahead is refused in words; 5月6日 publishes")
  void issueDate() {
    assertThat(ask("office-1", "月报 发布 2024-04 4月6日"))
        .isEqualTo("不能用2024年4月6日作为2024年4月月报的签发日期：早于2024年4月月底。签发日期应在2024年4月30日至2024年6月7日之间，"
            + "不写则为今天。");
    assertThat(ask("office-1", "月报 预览 2024-04 2024-07-01")).contains("离今天太远");
    assertThat(ask("office-1", "月报 发布 2024-04 2025-02-29")).contains("没看懂", "签发日期写在月份后");
    assertThat(bulletins.published(APRIL).await()).isEmpty();

    assertThat(ask("office-1", "月报 发布 2024-04 5月6日"))
        .startsWith("**信丰县2024年4月政务公开月报**(第1期)已发布到 1 个工作群，印发日期 2024年5月6日。");
  }

  @Test
  @DisplayName("期号 sets the number before publishing and is refused after; 更正 is refused before publishing and "
      + "sent after")
  void numberAndCorrection() {
    assertThat(ask("office-1", "月报 更正 2024-04 附件1有误")).startsWith("2024年4月月报还没有发布，不能更正。");
    assertThat(ask("office-1", "月报 期号 2024-04 第4期")).startsWith("2024年4月月报将印为第4期。");
    assertThat(ask("office-1", "月报 期号 2024-04 0")).startsWith("期号应为1至999");
    assertThat(ask("office-1", "月报 预览 2024-04")).contains("将印为第4期，签发日期 2024年5月8日。");
    assertThat(ask("office-1", "月报 发布 2024-04")).contains("(第4期)已发布");

    assertThat(ask("office-1", "月报 期号 2024-04 5")).contains("由李四发布，不能再修改");
    assertThat(ask("office-1", "月报 期号 2024-05 4")).startsWith("第4期已用于2024年4月月报");
    assertThat(ask("office-1", "月报 更正 2024-04 附件1有误")).startsWith("已向 1 个工作群发出2024年4月月报的更正（一）。");
    assertThat(ask("office-1", "月报 更正 2024-04 附件1有误")).endsWith("发出内容相同的更正（一），本次未重复发送。");
    assertThat(ask("u1", "月报 更正 2024-04 附件2有误")).isEqualTo(Replies.officeOnly());
    assertThat(bulletins.bulletin(APRIL).await().corrections()).hasSize(1);
  }
}
