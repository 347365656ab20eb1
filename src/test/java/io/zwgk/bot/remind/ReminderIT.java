package io.zwgk.bot.remind;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.OutboxVerticle;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.config.StaffMember;
import io.zwgk.bot.monitor.MonitorConfig;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ReminderStore;
import io.zwgk.bot.store.ScheduleStore;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reminders end to end on a fake clock: tracked items → digests → outbox → a DingTalk group robot (WireMock). */
@ExtendWith(VertxRedisExtension.class)
class ReminderIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String WATER = "县水利局";
  /** Monday 2024-05-06 08:59 in Shanghai, the first working day after the May Day holiday. */
  private final MutableClock clock = new MutableClock(ZonedDateTime.of(2024, 5, 6, 8, 59, 0, 0, SHANGHAI).toInstant());
  private final Schedule morning = new Schedule("morning", CronExpression.parse("0 9 * * *"),
      Set.of(TrackedKind.values()), true);
  private Vertx vertx;
  private Redis redis;
  private TrackedStore tracked;
  private ReminderService service;
  private CommandService commands;
  private OutboxVerticle dispatcher;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    dingtalk.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    this.vertx = vertx;
    this.redis = redis;
    tracked = new TrackedStore(redis);
    GroupConfig units = group("单位工作群", false);
    GroupConfig office = group("政务公开办工作群", true);
    ChatConfig chat = new ChatConfig(List.of(), List.of(units, office));
    List<Unit> unitList = List.of(new Unit(WATER, Category.COUNTY_DEPT, List.of("水利"),
        List.of(new Contact("李四", "13800001111", Map.of("dingtalk", "staff-water")))),
        Unit.of("大阿镇政府", Category.TOWNSHIP));
    BotConfig bot = new BotConfig(unitList, List.of(new StaffMember("dingtalk", "office-1", "王五")),
        UnitNames.NONE);
    WorkCalendar calendar = WorkCalendar.load(Path.of("bot-config/holidays-cn.csv"));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, WebClient.create(vertx), Settings.fromEnv(Map.of()),
        List.of(), clock);
    OutboxStore outboxStore = new OutboxStore(redis);
    Outbox outbox = new Outbox(outboxStore, chat, p -> 18000, clock);
    ReminderRules rules = new ReminderRules(SHANGHAI, List.of(morning), Optional.empty(), Map.of(),
        ReminderRules.defaults().columnThresholds(), ReminderRules.defaults().accountThreshold(),
        ReminderRules.defaults().letters(), 5, ReminderRules.defaults().openDays(), 2);
    ReminderStore reminderStore = new ReminderStore(redis);
    service = new ReminderService(tracked, reminderStore, new SentReminderStore(redis), rules, calendar, unitList,
        chat, outbox);
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    commands = new CommandService(stats, new BindingStore(redis),
        bot, calendar, new ReminderActions(tracked, reminderStore, service),
        new MonitorService(vertx, MonitorService.crawlerClient(vertx), MonitorConfig.disabled(),
            io.zwgk.bot.monitor.OwnPorts.none(), tracked, new MonitorStore(redis),
            clock), io.zwgk.bot.testing.TestChat.bulletins(stats, tracked, outbox, chat, calendar, redis), clock);
    DeliveryPolicy p = DeliveryPolicy.defaults();
    dispatcher = new OutboxVerticle(outboxStore, new RateLimitStore(redis), Map.of("dingtalk", platform), chat,
        outbox, new DeliveryPolicy(p.limits(), p.throttlePause(), Duration.ofHours(1), p.lease(), p.batch(),
            p.maxAttempts(), p.firstBackoff(), p.maxBackoff()), clock);
    vertx.deployVerticle(dispatcher).await();
    tracked.upsert(TrackedKind.FINDINGS, List.of(new TrackedItem.Finding("", WATER, "栏目更新不及时",
        "工作动态逾期未更新", LocalDate.of(2024, 4, 22), LocalDate.of(2024, 4, 29), FindingState.OPEN,
        Optional.empty()))).await();
    tracked.upsert(TrackedKind.LETTERS, List.of(new TrackedItem.Letter("", "大阿镇政府", "YSQ-2024-07",
        LocalDate.of(2024, 4, 1), false, false))).await();
  }

  private GroupConfig group(String name, boolean office) {
    return new GroupConfig(name, "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret(dingtalk.baseUrl() + "/robot/send?access_token=" + (office ? "o" : "u"))),
        Optional.empty(), office, office, List.of());
  }

  private List<JsonObject> sent() {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).stream()
        .map(r -> new JsonObject(r.getBodyAsString())).toList();
  }

  private String ask(String user, String text) {
    return commands.handle(new CommandRequest("dingtalk", user, "", text)).await().text();
  }

  @Test
  @DisplayName("a working-day run sends one digest per group, mentions the unit's contact and escalates overdue items")
  void digestOnWorkingDay() {
    ReminderService.Plan plan = service.plan(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI), morning).await();

    assertThat(plan.silentBecause()).isEmpty();
    assertThat(plan.digests()).extracting(Digest::group).containsExactlyInAnyOrder("单位工作群", "政务公开办工作群");
    Digest units = plan.digests().stream().filter(d -> d.group().equals("单位工作群")).findFirst().orElseThrow();
    assertThat(units.message().markdown()).contains("县水利局", "大阿镇政府");
    assertThat(units.message().atUserIds()).containsExactly("staff-water");
    Digest office = plan.digests().stream().filter(d -> d.group().equals("政务公开办工作群")).findFirst().orElseThrow();
    assertThat(office.message().markdown()).contains("【督办】");
  }

  @Test
  @DisplayName("a run logs, per day, what each unit group was reminded of, for the month-end bulletin; a second run "
      + "the same day adds nothing")
  void runLogsSentReminders() {
    SentReminderStore log = new SentReminderStore(redis);
    service.run(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI), morning).await();
    service.run(ZonedDateTime.of(2024, 5, 6, 16, 30, 0, 0, SHANGHAI), morning).await();

    List<SentReminder> may = log.month(YearMonth.of(2024, 5)).await();
    assertThat(may).extracting(SentReminder::unit, SentReminder::kind, SentReminder::state, SentReminder::day)
        .containsExactlyInAnyOrder(
            tuple(WATER, TrackedKind.FINDINGS, DueState.OVERDUE, LocalDate.of(2024, 5, 6)),
            tuple("大阿镇政府", TrackedKind.LETTERS, DueState.OVERDUE, LocalDate.of(2024, 5, 6)));
    assertThat(may).filteredOn(r -> r.unit().equals(WATER)).singleElement()
        .extracting(SentReminder::deadline).isEqualTo(LocalDate.of(2024, 4, 29));
    assertThat(log.month(YearMonth.of(2024, 4)).await()).isEmpty();
  }

  @Test
  @DisplayName("no reminders on a weekend, on a holiday, or in quiet hours")
  void silentDays() {
    assertThat(service.plan(ZonedDateTime.of(2024, 5, 1, 9, 0, 0, 0, SHANGHAI), morning).await().silentBecause())
        .as("劳动节").isPresent();
    assertThat(service.plan(ZonedDateTime.of(2024, 5, 12, 9, 0, 0, 0, SHANGHAI), morning).await().silentBecause())
        .as("Sunday").isPresent();
    assertThat(service.plan(ZonedDateTime.of(2024, 5, 11, 9, 0, 0, 0, SHANGHAI), morning).await().silentBecause())
        .as("make-up Saturday is a working day").isEmpty();
  }

  @Test
  @DisplayName("the scheduler sends each run once: a replay, a second instance or a second tick sends nothing new")
  void runsExactlyOnce() {
    ReminderVerticle first = new ReminderVerticle(service, new ScheduleStore(redis, ReminderVerticle.SCHEDULE), clock, Duration.ofHours(1));
    ReminderVerticle second = new ReminderVerticle(service, new ScheduleStore(redis, ReminderVerticle.SCHEDULE), clock, Duration.ofHours(1));
    vertx.deployVerticle(first).await();
    vertx.deployVerticle(second).await();
    assertThat(first.tick().await()).as("first tick only remembers where it starts").isEmpty();

    clock.advance(Duration.ofMinutes(2));
    List<ReminderService.Plan> runs = first.tick().await();
    TestRedis.flushKey("zwgk:remind:lock");
    List<ReminderService.Plan> again = second.tick().await();
    service.run(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI), morning).await();
    dispatcher.round().await();
    dispatcher.round().await();

    assertThat(runs).hasSize(1);
    assertThat(again).isEmpty();
    assertThat(sent()).hasSize(2);
  }

  @Test
  @DisplayName("a run missed while the service was down is sent once when it is back, the same day")
  void catchUpOnce() {
    ReminderVerticle verticle = new ReminderVerticle(service, new ScheduleStore(redis, ReminderVerticle.SCHEDULE), clock, Duration.ofHours(1));
    vertx.deployVerticle(verticle).await();
    verticle.tick().await();
    clock.advance(Duration.ofHours(3));

    TestRedis.flushKey("zwgk:remind:lock");
    assertThat(verticle.tick().await()).extracting(ReminderService.Plan::at)
        .containsExactly(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI));
    TestRedis.flushKey("zwgk:remind:lock");
    assertThat(verticle.tick().await()).isEmpty();
  }

  @Test
  @DisplayName("整改 answers a finding, only office staff can 复核 it, and a closed finding leaves the digest")
  void rectifyAndReview() {
    String id = tracked.list(TrackedKind.FINDINGS).await().get(0).id();
    assertThat(ask("water-officer", "整改 " + id + " 已补发工作动态")).contains("绑定");
    ask("water-officer", "绑定 水利局");
    ask("daa-officer", "绑定 大阿镇");

    assertThat(ask("daa-officer", "整改 " + id + " 已改")).contains("属于县水利局");
    assertThat(ask("water-officer", "问题")).contains("【编号 " + id + "】", "待整改");
    assertThat(ask("water-officer", "整改 " + id + " 已补发工作动态")).contains("等待县政务公开办复核");
    assertThat(ask("water-officer", "复核 " + id + " 通过")).contains("只有县政务公开办工作人员");
    assertThat(ask("office-1", "复核 " + id + " 通过")).contains("复核通过");

    TrackedItem.Finding f = (TrackedItem.Finding) tracked.find(id).await().orElseThrow();
    assertThat(f.state()).isEqualTo(FindingState.CLOSED);
    assertThat(ask("water-officer", "问题")).contains("暂无");
  }

  @Test
  @DisplayName("收到 keeps a unit out of today's later digests; 暂停提醒 mutes one item; 待办 lists what is due")
  void ackAndSnooze() {
    ask("daa-officer", "绑定 大阿镇");
    assertThat(ask("daa-officer", "待办")).contains("大阿镇政府待办事项", "依申请公开");
    assertThat(ask("daa-officer", "逾期")).contains("逾期");
    assertThat(ask("daa-officer", "收到")).contains("今天不再重复提醒");

    ReminderService.Plan plan = service.plan(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI), morning).await();
    assertThat(plan.digests()).allSatisfy(d -> assertThat(d.message().markdown()).doesNotContain("大阿镇政府"));

    String findingId = tracked.list(TrackedKind.FINDINGS).await().get(0).id();
    assertThat(ask("office-1", "暂停提醒 " + findingId + " 3")).contains("暂停提醒至");
    plan = service.plan(ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI), morning).await();
    assertThat(plan.digests()).isEmpty();
  }

  @Test
  @DisplayName("an account marked for closing is chased every run until the unit answers 注销 已完成")
  void accountClosing() {
    tracked.upsert(TrackedKind.ACCOUNTS, List.of(new TrackedItem.Account("", WATER, "信丰水利发布",
        LocalDate.of(2024, 5, 1), true, false))).await();
    ZonedDateTime nine = ZonedDateTime.of(2024, 5, 6, 9, 0, 0, 0, SHANGHAI);
    assertThat(service.plan(nine, morning).await().digests()).anySatisfy(d ->
        assertThat(d.message().markdown()).contains("信丰水利发布"));

    ask("water-officer", "绑定 水利局");
    assertThat(ask("water-officer", "注销 已完成 水利发布")).contains("已确认注销");

    assertThat(service.plan(nine, morning).await().digests()).allSatisfy(d ->
        assertThat(d.message().markdown()).doesNotContain("信丰水利发布"));
  }

  @Test
  @DisplayName("完成 records the day the unit reported the task done, once: a second 完成 keeps the first day")
  void completeRecordsTheDay() {
    tracked.upsert(TrackedKind.TASKS, List.of(new TrackedItem.Task("", WATER, "编制《标准目录》", LocalDate.of(2024, 5, 31),
        false))).await();
    ask("water-officer", "绑定 水利局");
    assertThat(ask("water-officer", "完成 标准目录")).contains("已标记完成");
    LocalDate first = LocalDate.now(clock);
    clock.advance(Duration.ofDays(2));
    ask("water-officer", "完成 标准目录");

    TrackedItem.Task task = (TrackedItem.Task) tracked.list(TrackedKind.TASKS).await().get(0);
    assertThat(task.done()).isTrue();
    assertThat(task.doneOn()).isEqualTo(first);
  }
}
