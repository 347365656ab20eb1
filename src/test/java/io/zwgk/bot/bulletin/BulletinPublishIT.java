package io.zwgk.bot.bulletin;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.access.AccessDeniedException;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.OutboxVerticle;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.CronExpression;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitStats;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ScheduleStore;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow against real Redis, the real outbox and DingTalk group robots played by WireMock. */
@ExtendWith(VertxRedisExtension.class)
class BulletinPublishIT {
  private static final Actor LI_SI = new Actor("dingtalk", "manager1234", "李四", true, Optional.empty());
  private static final Actor OFFICE_WANG_WU = new Actor("dingtalk", "office-1", "王五", true, Optional.empty());
  private static final Actor WANG_WU = new Actor("dingtalk", "other5678", "王五", true, Optional.empty());
  private Redis redis;

  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEND = "/robot/send";
  private static final YearMonth APRIL = SeedBulletin.APRIL;
  private static final String PROBLEM = "栏目更新不及时。如4月29日县卫健委工作动态出现逾期;小江镇、文广新旅局多次被提醒工作动态即将逾期。";
  /** The seed's units, with contacts for some of those the tests name and one they do not. */
  private static final List<Unit> UNITS = SeedBulletin.BOT.units().stream().map(u -> switch (u.name()) {
    case "县卫健委" -> withContacts(u, new Contact("赵六", "", Map.of("dingtalk", "wjw-1", "wecom", "WjwZhao")),
        new Contact("孙八", "13800000001", Map.of("wecom", "WjwSun")));
    case "小江镇政府" -> withContacts(u, new Contact("钱七", "13800000002", Map.of("dingtalk", "xj-1")));
    case "县水利局" -> withContacts(u, new Contact("张三", "13800000003", Map.of("dingtalk", "sl-1")));
    case "县发改委" -> withContacts(u, new Contact("周九", "", Map.of("dingtalk", "fgw-1")));
    default -> u;
  }).toList();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private Vertx vertx;
  private OutboxVerticle dispatcher;
  private Outbox outbox;
  private String deployment;
  private BulletinService service;
  private TrackedStore tracked;
  private StatsStore stats;
  private BulletinStore store;
  private BindingStore bindings;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.redis = redis;
    this.vertx = vertx;
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    ChatConfig chat = new ChatConfig(List.of(), List.of(group("政务公开办工作群", "office", true, false),
        group("县直单位工作群", "county", false, true), group("乡镇工作群", "township", false, true, "小江镇政府", "大阿镇政府")));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, WebClient.create(vertx),
        Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", "1000")), List.of(), clock);
    outbox = new Outbox(new OutboxStore(redis), chat, p -> platform.groups().maxTextBytes(), clock);
    DeliveryPolicy d = DeliveryPolicy.defaults();
    dispatcher = new OutboxVerticle(new OutboxStore(redis), new RateLimitStore(redis), Map.of("dingtalk", platform),
        chat, outbox, new DeliveryPolicy(d.limits(), d.throttlePause(), Duration.ofHours(1), d.lease(), d.batch(),
            d.maxAttempts(), d.firstBackoff(), d.maxBackoff()), clock);
    deployment = vertx.deployVerticle(dispatcher).await();
    stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    tracked = new TrackedStore(redis);
    store = new BulletinStore(redis);
    BulletinSetup setup = new BulletinSetup(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR,
        ReminderRules.defaults(), UNITS, SeedBulletin.BOT.unitNames(), Optional.of("https://zwgk.example.gov.cn/"));
    bindings = new BindingStore(redis);
    service = new BulletinService(store, stats, tracked, new MonitorStore(redis), new SentReminderStore(redis), outbox,
        bindings, chat, setup, clock);
  }

  @AfterEach
  void stop() {
    deliverAll();
    vertx.undeploy(deployment).await();
  }

  private GroupConfig group(String name, String token, boolean office, boolean broadcast, String... units) {
    return new GroupConfig(name, "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret(dingtalk.baseUrl() + SEND + "?access_token=" + token)), Optional.empty(), office,
        broadcast, List.of(units));
  }

  private void readyToPublish() {
    stats.save(APRIL, SeedBulletin.rows()).await();
    service.setCount(Actor.API, APRIL, "网络问政", 7).await();
    service.addItem(Actor.admin("", "李四"), APRIL, "存在问题", PROBLEM).await();
    service.addItem(Actor.admin("", "李四"), APRIL, "工作动态", "4月9日,县政务公开办组织考察学习。").await();
  }

  private void deliverAll() {
    for (int i = 0; i < 50 && dispatcher.round().await() > 0; i++) {
      clock.advance(Duration.ofSeconds(5));
    }
  }

  private List<String> sent(String token) {
    return bodies(token).stream().map(b -> b.getJsonObject("markdown").getString("text")).toList();
  }

  private List<JsonObject> bodies(String token) {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
        .filter(r -> token.equals(r.queryParameter("access_token").firstValue()))
        .map(r -> new JsonObject(r.getBodyAsString())).toList();
  }

  @Test
  @DisplayName("the use case itself refuses someone who is not office staff: nothing is published or sent")
  void publishRefusedToNonStaff() {
    readyToPublish();
    Actor officer = new Actor("dingtalk", "u1", "张三", false, Optional.of("县水利局"));
    assertThat(service.publish(officer, APRIL).<Throwable>transform(ar -> Future.succeededFuture(ar.cause())).await())
        .isInstanceOf(AccessDeniedException.class);
    assertThat(service.published(APRIL).await()).isEmpty();
    assertThat(service.addItem(officer, APRIL, "工作动态", "不该出现").<Throwable>transform(ar ->
        Future.succeededFuture(ar.cause())).await()).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @DisplayName("发布 twice sends the bulletin once to each broadcast group and never to the office group")
  void publishTwiceSendsOnce() {
    readyToPublish();

    PublishResult first = service.publish(LI_SI, APRIL).await();
    deliverAll();
    List<String> county = sent("county");
    clock.advance(Duration.ofHours(2));
    PublishResult second = service.publish(WANG_WU, APRIL).await();
    deliverAll();

    assertThat(first.outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
    assertThat(first.groups()).isEqualTo(2);
    assertThat(second.outcome()).isEqualTo(PublishResult.Outcome.ALREADY_PUBLISHED);
    assertThat(second.bulletin().publication()).isEqualTo(first.bulletin().publication());
    assertThat(second.bulletin().publication().orElseThrow().who()).isEqualTo("李四");
    assertThat(county).isNotEmpty();
    assertThat(sent("county")).isEqualTo(county);
    assertThat(sent("township")).hasSize(1).allSatisfy(t -> assertThat(t).as("its own units first")
        .contains("**本群单位**\n\n- **小江镇政府**:栏目更新不及时：小江镇多次被提醒工作动态即将逾期\n\n**其他单位**\n\n- **县卫健委**"));
    assertThat(sent("office")).isEmpty();
    assertThat(county).as("the summary fits one message").hasSize(1);
    assertThat(county.get(0)).contains("## 2024年4月政务公开月报", "累计主动公开政府信息20160条",
        "**本期点名 3 个单位**(问题整改期限 2024年5月11日)", "- **县卫健委**:栏目更新不及时：",
        "[查看全文](https://zwgk.example.gov.cn/bulletins/2024-04)",
        "(https://zwgk.example.gov.cn/bulletins/2024-04.docx)", "(https://zwgk.example.gov.cn/bulletins/2024-04.xlsx)")
        .doesNotContain("### [工作要求]");
  }

  private static Unit withContacts(Unit u, Contact... contacts) {
    return new Unit(u.name(), u.category(), u.aliases(), List.of(contacts));
  }

  @Test
  @DisplayName("each group's summary @-mentions the contacts and bound DingTalk users of exactly the units named in "
      + "[存在问题] or in a missed task that the group covers; users bound to another unit, moved to one, unbound or "
      + "bound on another platform are never mentioned")
  void mentionsTheUnitsNamed() {
    readyToPublish();
    LocalDate end = APRIL.atEndOfMonth();
    tracked.upsert(TrackedKind.TASKS, List.of(new TrackedItem.Task("", "县发改委", "“以干代训”", end, false),
        new TrackedItem.Task("", "县水利局", "“以干代训”", end, true))).await();
    bindings.bind("dingtalk", "bound-wjw", "县卫健委").await();
    bindings.bind("dingtalk", "bound-xj", "小江镇政府").await();
    bindings.bind("dingtalk", "bound-sl", "县水利局").await();
    bindings.bind("dingtalk", "moved", "县卫健委").await();
    bindings.bind("dingtalk", "moved", "县水利局").await();
    bindings.bind("dingtalk", "gone", "小江镇政府").await();
    bindings.unbind("dingtalk", "gone").await();
    bindings.bind("wecom", "wecom-wjw", "县卫健委").await();

    service.publish(LI_SI, APRIL).await();
    deliverAll();

    assertThat(bodies("county")).hasSize(1);
    assertThat(bodies("township")).hasSize(1);
    JsonObject county = bodies("county").get(0).getJsonObject("at");
    JsonObject township = bodies("township").get(0).getJsonObject("at");
    assertThat(county.getJsonArray("atUserIds").getList())
        .containsExactly("wjw-1", "bound-wjw", "xj-1", "bound-xj", "fgw-1");
    assertThat(county.getJsonArray("atMobiles").getList()).as("孙八 has no DingTalk id").containsExactly("13800000001");
    assertThat(township.getJsonArray("atUserIds").getList()).as("the township group covers 小江镇 only")
        .containsExactly("xj-1", "bound-xj");
    assertThat(township.getJsonArray("atMobiles").getList()).isEmpty();
    assertThat(sent("county").get(0)).contains("- **县发改委**:“以干代训”未按要求落实到位", "@wjw-1", "@bound-xj")
        .doesNotContain("县水利局**", "sl-1", "moved", "gone", "wecom-wjw", "WjwZhao");
    assertThat(sent("office")).isEmpty();
  }

  @Test
  @DisplayName("a publication recorded but never queued (the service stopped in between) reaches the groups when "
      + "发布 is repeated, and only then")
  void recordedButNotQueuedIsSentOnRepeat() {
    readyToPublish();
    service.publish(LI_SI, APRIL).await();
    deliverAll();
    int once = sent("county").size();
    TestRedis.keys("zwgk:outbox:idem:bulletin:*").forEach(TestRedis::flushKey);

    PublishResult repeat = service.publish(WANG_WU, APRIL).await();
    deliverAll();
    PublishResult again = service.publish(WANG_WU, APRIL).await();
    deliverAll();

    assertThat(repeat.outcome()).isEqualTo(PublishResult.Outcome.ALREADY_PUBLISHED);
    assertThat(repeat.groups()).as("queued again for the groups that had no key").isEqualTo(2);
    assertThat(again.groups()).isZero();
    assertThat(sent("county")).hasSize(2 * once);
    assertThat(sent("office")).isEmpty();
  }

  @Test
  @DisplayName("with no broadcast group in chat.yaml 发布 publishes nothing, keeps the month open and names chat.yaml")
  void noBroadcastGroupRefuses() {
    readyToPublish();
    ChatConfig officeOnly = new ChatConfig(List.of(), List.of(group("政务公开办工作群", "office", true, false)));
    BulletinService lonely = new BulletinService(store, stats, tracked, new MonitorStore(redis),
        new SentReminderStore(redis), outbox, bindings, officeOnly, new BulletinSetup(SeedBulletin.TEMPLATES,
            SeedBulletin.CALENDAR, ReminderRules.defaults(), SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames(),
            Optional.empty()), clock);

    PublishResult r = lonely.publish(LI_SI, APRIL).await();

    assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.NO_BROADCAST_GROUP);
    assertThat(store.load(APRIL).await().published()).as("the month is not frozen").isEmpty();
    assertThat(tracked.list(TrackedKind.FINDINGS).await()).isEmpty();
    assertThat(io.zwgk.bot.command.BulletinReplies.published(r, java.time.ZoneId.of("Asia/Shanghai")))
        .contains("没有发布", "bot-config/chat.yaml", "broadcast: true");
    assertThat(service.publish(LI_SI, APRIL).await().outcome())
        .as("published once a broadcast group exists").isEqualTo(PublishResult.Outcome.PUBLISHED);
  }

  @Test
  @DisplayName("publication tracks every unit the [存在问题] names as an open finding due 5 working days after issue")
  void findingsBecomeTracked() {
    readyToPublish();

    PublishResult r = service.publish(LI_SI, APRIL).await();
    List<TrackedItem> findings = tracked.list(TrackedKind.FINDINGS).await();
    PublishResult again = service.publish(LI_SI, APRIL).await();

    assertThat(r.findingsCreated()).isEqualTo(3);
    assertThat(again.findingsCreated()).isZero();
    assertThat(findings).extracting(TrackedItem::unit).containsExactly("县卫健委", "小江镇政府", "县文广新旅局");
    assertThat(findings).map(TrackedItem.Finding.class::cast).allSatisfy(f -> {
      assertThat(f.category()).isEqualTo("栏目更新不及时");
      assertThat(f.issued()).isEqualTo(LocalDate.of(2024, 5, 6));
      assertThat(f.deadline()).as("5 working days, counting the 调休 Saturday 5-11").isEqualTo(LocalDate.of(2024, 5, 11));
      assertThat(f.state()).isEqualTo(TrackedItem.FindingState.OPEN);
    });
    assertThat(tracked.list(TrackedKind.FINDINGS).await()).hasSize(3);
    assertThat(store.bulletinFindings().await()).containsExactlyInAnyOrderElementsOf(
        findings.stream().map(TrackedItem::id).toList());
  }

  @Test
  @DisplayName("预览 goes to the office group only, lists what publication would track, and publishes nothing")
  void previewToOfficeOnly() {
    readyToPublish();

    PreviewResult p = service.preview(Actor.API, APRIL).await();
    clock.advance(Duration.ofMinutes(1));
    service.preview(Actor.API, APRIL).await();
    deliverAll();

    assertThat(p.groups()).isEqualTo(1);
    assertThat(p.findings()).extracting(TrackedItem::unit).containsExactly("县卫健委", "小江镇政府", "县文广新旅局");
    assertThat(sent("county")).isEmpty();
    assertThat(sent("township")).isEmpty();
    assertThat(sent("office")).filteredOn(t -> t.contains("【草稿预览】")).hasSize(2);
    assertThat(String.join("\n", sent("office"))).contains("发布后将新增整改事项 3 条", "县卫健委(栏目更新不及时)");
    assertThat(tracked.list(TrackedKind.FINDINGS).await()).isEmpty();
    assertThat(service.bulletin(APRIL).await().status()).isEqualTo(Bulletin.Status.DRAFT);
  }

  @Test
  @DisplayName("without statistics 发布 refuses, sends nothing and records nothing; after the import it publishes")
  void incompleteRefused() {
    service.setCount(Actor.API, APRIL, "网络问政", 7).await();

    PublishResult refused = service.publish(LI_SI, APRIL).await();
    deliverAll();

    assertThat(refused.outcome()).isEqualTo(PublishResult.Outcome.INCOMPLETE);
    assertThat(refused.bulletin().missing()).anyMatch(m -> m.startsWith("缺少：统计数据未导入"));
    assertThat(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND)))).isEmpty();
    stats.save(APRIL, SeedBulletin.rows()).await();
    assertThat(service.publish(LI_SI, APRIL).await().outcome())
        .isEqualTo(PublishResult.Outcome.PUBLISHED);
  }

  @Test
  @DisplayName("a published bulletin is frozen: later imports do not change it, items cannot be added, and May does "
      + "not report April's findings as its own")
  void frozenAfterPublication() {
    readyToPublish();
    service.publish(LI_SI, APRIL).await();

    List<UnitStats> changed = SeedBulletin.rows().stream()
        .map(s -> new UnitStats(s.unit(), s.category(), s.task(), s.total() + 1, s.month())).toList();
    stats.save(APRIL, changed).await();
    Bulletin april = service.bulletin(APRIL).await();
    clock.advance(Duration.ofDays(30));
    Bulletin may = service.bulletin(APRIL.plusMonths(1)).await();

    assertThat(april.status()).isEqualTo(Bulletin.Status.PUBLISHED);
    assertThat(april.fullText()).contains("累计主动公开政府信息20160条");
    assertThat(service.addItem(Actor.admin("", "王五"), APRIL, "工作动态", "迟到的动态")
        .<Throwable>transform(ar -> Future.succeededFuture(ar.cause())).await())
        .isInstanceOf(BulletinPublishedException.class);
    assertThat(may.section("存在问题").orElseThrow().text()).isEqualTo("本月未发现需要通报的问题。");
  }

  @Test
  @DisplayName("on the first working days of a month the office is nudged once a day until last month's bulletin is out")
  void nudgeUntilPublished() {
    BulletinNudgeVerticle nudge = nudge(NudgeSchedule.defaults());
    assertThat(nudge.tick().await()).as("09:00 is before the nudge time").isFalse();
    clock.advance(Duration.ofMinutes(40));
    assertThat(nudge.tick().await()).isTrue();
    nudge.tick().await();
    deliverAll();
    assertThat(sent("office")).filteredOn(t -> t.contains("2024年4月政务公开月报尚未发布")).hasSize(1);

    readyToPublish();
    service.publish(OFFICE_WANG_WU, APRIL).await();
    clock.advance(Duration.ofDays(1));
    nudge.tick().await();
    deliverAll();
    assertThat(sent("office")).filteredOn(t -> t.contains("尚未发布")).hasSize(1);
    assertThat(nudge.due(java.time.LocalDate.of(2024, 5, 13))).as("the sixth working day of May").isFalse();
  }

  @Test
  @DisplayName("the nudge runs at the time and on the first working days that bulletin.yaml's nudge entry sets")
  void nudgeAsConfigured() {
    BulletinNudgeVerticle nudge = nudge(new NudgeSchedule(CronExpression.parse("0 14 * * *"), 3));
    nudge.tick().await();
    clock.advance(Duration.ofMinutes(40));
    assertThat(nudge.tick().await()).as("09:40 is before the configured 14:00").isFalse();
    clock.advance(Duration.ofMinutes(260));
    assertThat(nudge.tick().await()).isTrue();
    assertThat(nudge.due(LocalDate.of(2024, 5, 8))).as("the third working day of May").isTrue();
    assertThat(nudge.due(LocalDate.of(2024, 5, 9))).as("the fourth working day of May").isFalse();
  }

  private BulletinNudgeVerticle nudge(NudgeSchedule schedule) {
    BulletinNudgeVerticle nudge = new BulletinNudgeVerticle(service, outbox, SeedBulletin.CALENDAR, schedule,
        new ScheduleStore(redis, BulletinNudgeVerticle.SCHEDULE), clock, Duration.ofHours(1));
    vertx.deployVerticle(nudge).await();
    return nudge;
  }
}
