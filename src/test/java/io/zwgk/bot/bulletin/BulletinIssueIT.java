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
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
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

/**
 * Issue date, 第N期 and corrections against real Redis, the real outbox and DingTalk group robots played by WireMock.
 * The clock stands at 2024-05-08 09:00 in Shanghai.
 */
@ExtendWith(VertxRedisExtension.class)
class BulletinIssueIT {
  private static final Actor LI_SI = new Actor("dingtalk", "manager1234", "李四", true, Optional.empty());
  private static final Actor OFFICER = new Actor("dingtalk", "u1", "张三", false, Optional.of("县水利局"));
  private static final String SEND = "/robot/send";
  private static final YearMonth APRIL = SeedBulletin.APRIL;
  private static final YearMonth MAY = APRIL.plusMonths(1);
  private static final String PROBLEM = "栏目更新不及时。如4月29日县卫健委工作动态出现逾期。";
  private static final String FIX = "附件1中县水利局已发布总数应为360条。";

  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-08T01:00:00Z"));
  private Vertx vertx;
  private Redis redis;
  private OutboxVerticle dispatcher;
  private Outbox outbox;
  private String deployment;
  private BulletinService service;
  private TrackedStore tracked;
  private StatsStore stats;
  private BulletinStore store;
  private ChatConfig chat;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    chat = new ChatConfig(List.of(), List.of(group("政务公开办工作群", "office", true, false),
        group("县直单位工作群", "county", false, true), group("乡镇工作群", "township", false, true)));
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
    service = service(chat);
  }

  @AfterEach
  void stop() {
    deliverAll();
    vertx.undeploy(deployment).await();
  }

  private BulletinService service(ChatConfig groups) {
    return new BulletinService(store, stats, tracked, new MonitorStore(redis), new SentReminderStore(redis), outbox,
        new BindingStore(redis), groups, new BulletinSetup(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR, ReminderRules.defaults(),
            SeedBulletin.BOT.units(), Optional.empty(), "信丰县"), clock);
  }

  private GroupConfig group(String name, String token, boolean office, boolean broadcast) {
    return new GroupConfig(name, "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret(dingtalk.baseUrl() + SEND + "?access_token=" + token)), Optional.empty(), office,
        broadcast, List.of());
  }

  private void ready(YearMonth month) {
    stats.save(month, SeedBulletin.rows()).await();
    service.setCount(Actor.API, month, "网络问政", 7).await();
    service.addItem(LI_SI, month, "工作动态", "4月9日,县政务公开办组织考察学习。").await();
  }

  private void deliverAll() {
    for (int i = 0; i < 50 && dispatcher.round().await() > 0; i++) {
      clock.advance(Duration.ofSeconds(5));
    }
  }

  private List<String> sent(String token) {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
        .filter(r -> token.equals(r.queryParameter("access_token").firstValue()))
        .map(r -> new JsonObject(r.getBodyAsString()).getJsonObject("markdown").getString("text")).toList();
  }

  private static Throwable cause(Future<?> f) {
    return f.<Throwable>transform(ar -> Future.succeededFuture(ar.cause())).await();
  }

  @Test
  @DisplayName("发布 with an issue date records it, dates the findings from it (not from today) and prints it")
  void publishOnAnIssueDate() {
    ready(APRIL);
    service.addItem(LI_SI, APRIL, "存在问题", PROBLEM).await();

    PublishResult r = service.publish(LI_SI, APRIL, Optional.of(LocalDate.of(2024, 5, 6))).await();

    assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
    assertThat(r.bulletin().issueDate()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(r.bulletin().publication().orElseThrow().issueDate()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(r.bulletin().rectificationDeadline()).isEqualTo(LocalDate.of(2024, 5, 11));
    TrackedItem.Finding f = (TrackedItem.Finding) tracked.list(TrackedKind.FINDINGS).await().get(0);
    assertThat(f.issued()).isEqualTo(LocalDate.of(2024, 5, 6));
    assertThat(f.deadline()).as("issue date 5-6 + 5 working days, though today is 5-8").isEqualTo(LocalDate.of(2024, 5, 11));
    assertThat(HtmlRenderer.page(service.bulletin(APRIL).await(), new byte[0]))
        .contains("<h1>信丰县2024年4月政务公开月报</h1>", "第1期", "信丰县政务公开办　　2024年5月6日");
  }

  @Test
  @DisplayName("an issue date before the month's end or more than 30 days ahead is refused; nothing is sent or stored")
  void issueDateRefused() {
    ready(APRIL);

    Throwable early = cause(service.publish(LI_SI, APRIL, Optional.of(LocalDate.of(2024, 4, 29))));
    Throwable late = cause(service.publish(LI_SI, APRIL, Optional.of(LocalDate.of(2024, 6, 8))));
    Throwable preview = cause(service.preview(LI_SI, APRIL, Optional.of(LocalDate.of(2024, 4, 6))));
    deliverAll();

    assertThat(early).isInstanceOf(IssueDateException.class).hasMessageContaining("2024年4月30日至2024年6月7日");
    assertThat(((IssueDateException) early).early()).isTrue();
    assertThat(late).isInstanceOf(IssueDateException.class);
    assertThat(((IssueDateException) late).early()).isFalse();
    assertThat(preview).isInstanceOf(IssueDateException.class);
    assertThat(service.published(APRIL).await()).isEmpty();
    assertThat(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND)))).isEmpty();
    assertThat(service.publish(LI_SI, APRIL, Optional.of(LocalDate.of(2024, 4, 30))).await().outcome())
        .as("the month's last day and 30 days ahead are the bounds").isEqualTo(PublishResult.Outcome.PUBLISHED);
  }

  @Test
  @DisplayName("预览 with an issue date composes the draft as issued then, deadline included")
  void previewOnAnIssueDate() {
    ready(APRIL);

    PreviewResult p = service.preview(LI_SI, APRIL, Optional.of(LocalDate.of(2024, 5, 20))).await();
    deliverAll();

    assertThat(p.bulletin().issueDate()).isEqualTo(LocalDate.of(2024, 5, 20));
    assertThat(p.bulletin().rectificationDeadline()).isEqualTo(LocalDate.of(2024, 5, 27));
    assertThat(String.join("\n", sent("office"))).contains("即2024年5月27日前");
  }

  @Test
  @DisplayName("numbers count per year in publication order; a draft shows the number it would get")
  void numberedPerYear() {
    ready(APRIL);
    ready(MAY);
    YearMonth december = YearMonth.of(2023, 12);
    ready(december);

    assertThat(service.bulletin(APRIL).await().number()).isEqualTo(1);
    assertThat(service.publish(LI_SI, APRIL).await().bulletin().number()).isEqualTo(1);
    assertThat(service.bulletin(MAY).await().number()).as("the draft after April").isEqualTo(2);
    clock.advance(Duration.ofDays(30));
    assertThat(service.publish(LI_SI, MAY).await().bulletin().number()).isEqualTo(2);
    assertThat(service.publish(LI_SI, december).await().bulletin().number()).as("2023 counts on its own").isEqualTo(1);
    assertThat(service.bulletin(APRIL).await().number()).as("stored with the publication").isEqualTo(1);
    assertThat(store.numbers(2024).await()).containsExactlyInAnyOrderEntriesOf(Map.of(APRIL, 1, MAY, 2));
  }

  @Test
  @DisplayName("期号 sets the draft's number, used when publishing; refused when taken, out of range or published")
  void numberEditable() {
    ready(APRIL);
    ready(MAY);

    assertThat(service.setNumber(LI_SI, APRIL, 4).await()).isEqualTo(4);
    assertThat(service.bulletin(APRIL).await().number()).isEqualTo(4);
    assertThat(service.publish(LI_SI, APRIL).await().bulletin().number()).isEqualTo(4);
    assertThat(service.bulletin(MAY).await().number()).as("after the highest of the year").isEqualTo(5);

    assertThat(cause(service.setNumber(LI_SI, MAY, 4))).isInstanceOf(BulletinNumberTakenException.class)
        .satisfies(e -> assertThat(((BulletinNumberTakenException) e).holder()).isEqualTo(APRIL));
    assertThat(cause(service.setNumber(LI_SI, MAY, 0))).isInstanceOf(IllegalArgumentException.class);
    assertThat(cause(service.setNumber(LI_SI, MAY, 1000))).isInstanceOf(IllegalArgumentException.class);
    assertThat(cause(service.setNumber(LI_SI, APRIL, 7))).isInstanceOf(BulletinPublishedException.class);
    assertThat(cause(service.setNumber(OFFICER, MAY, 7))).isInstanceOf(AccessDeniedException.class);
    assertThat(service.bulletin(APRIL).await().number()).isEqualTo(4);
    assertThat(service.bulletin(MAY).await().number()).isEqualTo(5);
  }

  @Test
  @DisplayName("a number staff set that another month's publication took meanwhile stops the publication")
  void setNumberTakenMeanwhile() {
    ready(APRIL);
    ready(MAY);
    service.setNumber(LI_SI, MAY, 1).await();

    service.publish(LI_SI, APRIL).await();

    assertThat(cause(service.publish(LI_SI, MAY))).isInstanceOf(BulletinNumberTakenException.class);
    assertThat(service.published(MAY).await()).isEmpty();
  }

  @Test
  @DisplayName("更正 goes once to the groups the bulletin went to, numbered 一, 二; the same text is not sent again")
  void correctionsSentOnce() {
    ready(APRIL);
    service.publish(LI_SI, APRIL).await();
    deliverAll();
    List<String> original = sent("county");

    clock.advance(Duration.ofDays(2));
    CorrectionResult first = service.correct(LI_SI, APRIL, FIX).await();
    CorrectionResult again = service.correct(LI_SI, APRIL, " " + FIX + " ").await();
    CorrectionResult second = service.correct(LI_SI, APRIL, "第二处更正。").await();
    deliverAll();

    assertThat(first.outcome()).isEqualTo(CorrectionResult.Outcome.SENT);
    assertThat(first.groups()).isEqualTo(2);
    assertThat(first.correction().orElseThrow().number()).isEqualTo(1);
    assertThat(again.outcome()).isEqualTo(CorrectionResult.Outcome.REPEATED);
    assertThat(again.groups()).isZero();
    assertThat(second.correction().orElseThrow().heading()).isEqualTo("更正（二）");
    List<String> county = sent("county").subList(original.size(), sent("county").size());
    assertThat(county).hasSize(2);
    assertThat(county.get(0)).startsWith("## 更正（一）").contains("信丰县2024年4月政务公开月报（第1期）**（2024年5月8日印发）",
        "附件1中县水利局已发布总数应为360条", "信丰县政务公开办　　2024年5月10日");
    assertThat(county.get(1)).startsWith("## 更正（二）");
    assertThat(sent("township")).hasSize(original.size() + 2);
    assertThat(sent("office")).isEmpty();
  }

  @Test
  @DisplayName("更正 is recorded with who and when; the published text stays as sent and the documents list it after")
  void correctionRecorded() {
    ready(APRIL);
    Bulletin published = service.publish(LI_SI, APRIL).await().bulletin();
    service.correct(Actor.admin("", "王五"), APRIL, FIX).await();

    Bulletin now = service.bulletin(APRIL).await();

    Correction c = now.corrections().get(0);
    assertThat(c.who()).isEqualTo("王五");
    assertThat(c.platform()).isEqualTo("admin");
    assertThat(c.correctedAt()).isEqualTo(clock.instant());
    assertThat(c.day()).isEqualTo(LocalDate.of(2024, 5, 8));
    assertThat(now.corrected(List.of())).as("the publication itself is unchanged").isEqualTo(published);
    assertThat(now.fullText()).isEqualTo(published.fullText());
    assertThat(store.load(APRIL).await().published().orElseThrow().corrections()).isEmpty();
    assertThat(HtmlRenderer.page(now, new byte[0])).contains("更正（一）", FIX);
    assertThat(service.published(APRIL).await().orElseThrow().corrections()).containsExactly(c);
  }

  @Test
  @DisplayName("a correction goes to the groups the publication recorded, not to a broadcast group added since")
  void correctionToThePublicationsGroups() {
    ready(APRIL);
    ChatConfig countyOnly = new ChatConfig(List.of(), List.of(group("县直单位工作群", "county", false, true)));
    service(countyOnly).publish(LI_SI, APRIL).await();

    CorrectionResult r = service.correct(LI_SI, APRIL, FIX).await();
    deliverAll();

    assertThat(r.groups()).isEqualTo(1);
    assertThat(sent("county")).anyMatch(t -> t.startsWith("## 更正（一）"));
    assertThat(sent("township")).isEmpty();
  }

  @Test
  @DisplayName("更正 of a month not published is refused and records nothing; an empty text or a non-staff actor too")
  void correctionRefused() {
    ready(APRIL);

    CorrectionResult r = service.correct(LI_SI, APRIL, FIX).await();
    service.publish(LI_SI, APRIL).await();

    assertThat(r.outcome()).isEqualTo(CorrectionResult.Outcome.NOT_PUBLISHED);
    assertThat(store.load(APRIL).await().corrections()).isEmpty();
    assertThat(cause(service.correct(LI_SI, APRIL, "  "))).isInstanceOf(IllegalArgumentException.class);
    assertThat(cause(service.correct(LI_SI, APRIL, "字".repeat(BulletinService.MAX_TEXT + 1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(cause(service.correct(OFFICER, APRIL, FIX))).isInstanceOf(AccessDeniedException.class);
    assertThat(store.load(APRIL).await().corrections()).isEmpty();
    deliverAll();
    assertThat(sent("county")).noneMatch(t -> t.contains("更正"));
  }
}
