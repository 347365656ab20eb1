package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.monitor.Evidence;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.DueState;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminder;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Account;
import io.zwgk.bot.remind.TrackedItem.Column;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A month of records entered through the stores (tracked columns and accounts, the monitor's findings and evidence,
 * the reminders sent), no problem paragraph typed: the bulletin writes 常态化监测 and [存在问题] from them, and
 * publishing tracks one finding per unit in its own words and dates the monitor's findings.
 */
@ExtendWith(RedisServerExtension.class)
class BulletinRecordsIT {
  private static final Actor LI_SI = new Actor("dingtalk", "manager1234", "李四", true, Optional.empty());
  private static final YearMonth APRIL = SeedBulletin.APRIL;
  private static final String SITE = "https://www.xinfeng.gov.cn/";
  private static final String STAFF = "网站内容发布质量不高。工作动态栏目存在随意发布信息现象,如虎山的工作动态发布金庸小说等与网站内容不符的相关信息,"
      + "正平镇基层政务公开标准目录引用文件依据为章贡区,出现逻辑性错误。";
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private Vertx vertx;
  private Redis redis;
  private TrackedStore tracked;
  private BulletinService service;

  @BeforeEach
  void start() {
    TestRedis.flush();
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    tracked = new TrackedStore(redis);
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    ChatConfig chat = new ChatConfig(List.of(), List.of(new GroupConfig("县直单位工作群", "dingtalk", "default",
        Optional.empty(), Optional.of(new Secret("https://oapi.dingtalk.com/robot/send?access_token=t")),
        Optional.empty(), false, true, List.of())));
    service = new BulletinService(new BulletinStore(redis), stats, tracked, new MonitorStore(redis),
        new SentReminderStore(redis), new Outbox(new OutboxStore(redis), chat, p -> 4000, clock),
        new BindingStore(redis), chat,
        new BulletinSetup(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR, ReminderRules.defaults(),
            SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames(), Optional.empty()), clock);
    stats.save(APRIL, SeedBulletin.rows()).await();
    service.setCount(Actor.API, APRIL, "网络问政", 7).await();
    service.addItem(Actor.admin("", "李四"), APRIL, "工作动态", "4月9日,县政务公开办组织考察学习。").await();
    enterApril();
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
  }

  private static String column(String path) {
    return SITE + "xxgk/" + path + "/gzdt/index.html";
  }

  /** April as the stores hold it on 6 May, before anyone types a problem paragraph. */
  private void enterApril() {
    Map<String, String> ids = new HashMap<>();
    List<TrackedItem> columns = List.of(
        new Column("", "县卫健委", "工作动态", column("wjw"), "动态", LocalDate.of(2024, 4, 14)),
        new Column("", "县林业局", "工作动态", column("lyj"), "动态", LocalDate.of(2024, 4, 22)),
        new Column("", "小江镇政府", "工作动态", column("xj"), "动态", LocalDate.of(2024, 4, 25)),
        new Column("", "县水利局", "工作动态", column("slj"), "动态", LocalDate.of(2024, 4, 26)),
        new Column("", "县文广新旅局", "工作动态", column("wgxl"), "动态", LocalDate.of(2024, 4, 26)),
        new Column("", "万隆乡政府", "工作动态", column("wl"), "动态", LocalDate.of(2024, 4, 28)),
        new Column("", "大桥镇政府", "工作动态", column("dq"), "动态", LocalDate.of(2024, 4, 28)));
    tracked.upsert(TrackedKind.COLUMNS, columns).await().items().forEach(i -> ids.put(i.unit(), i.id()));
    List<TrackedItem> accounts = List.of(
        new Account("", "赣州市信丰生态环境局", "信丰生态环境", LocalDate.of(2024, 4, 1), false, false),
        new Account("", "高新区管委会", "信丰高新区", null, true, false),
        new Account("", "县林业局", "信丰林业", LocalDate.of(2024, 4, 25), false, false));
    tracked.upsert(TrackedKind.ACCOUNTS, accounts).await().items().forEach(i -> ids.put(i.unit() + "号", i.id()));
    List<TrackedItem> findings = List.of(
        monitor("万隆乡政府", "疑似图片无法显示", SITE + "img/wl-0319.jpg", "2024-03-19"),
        monitor("大桥镇政府", "疑似不可用链接", SITE + "files/dq-plan.doc", "2024-04-08"),
        monitor("县发改委", "疑似不可用链接", SITE + "fgw/old.html", "2024-04-11"),
        monitor("县统计局", "疑似指南信息有误", "信息公开指南地址应为 信丰县5G产业园政务服务中心一楼（" + SITE + "tjj/zn.html）",
            "2024-04-12"),
        monitor("县商务局", "疑似指南信息有误", "信息公开指南地址应为 信丰县5G产业园政务服务中心一楼（" + SITE + "swj/zn.html）",
            "2024-04-12"),
        new Finding("", "大塘埠镇政府", "疑似不可用链接", SITE + "dtb/gone.html", LocalDate.of(2024, 3, 5), null,
            FindingState.CLOSED, Optional.empty()));
    tracked.upsert(TrackedKind.FINDINGS, findings).await();
    Map<String, Evidence> evidence = new HashMap<>();
    evidence.put(key("万隆乡政府", "疑似图片无法显示", SITE + "img/wl-0319.jpg"),
        evidence(SITE + "xxgk/wl/gzdt/202403/t20240319_1.html", "图片“活动照片”：HTTP 404", "2024-03-19T02:00:00Z"));
    evidence.put(key("大桥镇政府", "疑似不可用链接", SITE + "files/dq-plan.doc"),
        evidence(SITE + "xxgk/dq/gzdt/202404/t20240408_2.html", "链接“方案”：HTTP 404", "2024-04-08T03:00:00Z"));
    evidence.put(key("县发改委", "疑似不可用链接", SITE + "fgw/old.html"),
        evidence(SITE + "fgw/index.html", "链接“旧栏目”：HTTP 404", "2024-04-11T03:00:00Z"));
    evidence.put(key("县统计局", "疑似指南信息有误", "信息公开指南地址应为 信丰县5G产业园政务服务中心一楼（" + SITE + "tjj/zn.html）"),
        evidence(SITE + "tjj/zn.html", "页面写的是：地址：信丰县人民政府办公室", "2024-04-12T03:00:00Z"));
    evidence.put(key("县商务局", "疑似指南信息有误", "信息公开指南地址应为 信丰县5G产业园政务服务中心一楼（" + SITE + "swj/zn.html）"),
        evidence(SITE + "swj/zn.html", "页面写的是：地址：信丰县人民政府办公室", "2024-04-12T04:00:00Z"));
    new MonitorStore(redis).putEvidence(evidence).await();
    List<SentReminder> sent = new ArrayList<>();
    sent.add(reminder("2024-04-10", ids.get("县林业局"), TrackedKind.COLUMNS, "县林业局", DueState.OVERDUE, "2024-04-09"));
    sent.add(reminder("2024-04-08", ids.get("小江镇政府"), TrackedKind.COLUMNS, "小江镇政府", DueState.DUE_SOON,
        "2024-04-11"));
    sent.add(reminder("2024-04-09", ids.get("小江镇政府"), TrackedKind.COLUMNS, "小江镇政府", DueState.DUE_SOON,
        "2024-04-11"));
    sent.add(reminder("2024-04-09", ids.get("小江镇政府"), TrackedKind.COLUMNS, "小江镇政府", DueState.DUE_TODAY,
        "2024-04-11"));
    for (String day : List.of("2024-04-15", "2024-04-16", "2024-04-17")) {
      sent.add(reminder(day, ids.get("县水利局"), TrackedKind.COLUMNS, "县水利局", DueState.DUE_SOON, "2024-04-18"));
    }
    sent.add(reminder("2024-04-22", ids.get("县文广新旅局"), TrackedKind.COLUMNS, "县文广新旅局", DueState.DUE_SOON,
        "2024-04-24"));
    for (String day : List.of("2024-04-08", "2024-04-15", "2024-04-22")) {
      sent.add(reminder(day, ids.get("高新区管委会号"), TrackedKind.ACCOUNTS, "高新区管委会", DueState.DUE_TODAY, day));
    }
    sent.add(reminder("2024-03-28", ids.get("县水利局"), TrackedKind.COLUMNS, "县水利局", DueState.DUE_SOON, "2024-04-01"));
    new SentReminderStore(redis).record(sent).await();
  }

  private static Finding monitor(String unit, String category, String text, String issued) {
    return new Finding("", unit, category, text, LocalDate.parse(issued), null, FindingState.OPEN, Optional.empty());
  }

  private static String key(String unit, String category, String text) {
    return unit + "|" + category + "|" + text;
  }

  private static Evidence evidence(String page, String excerpt, String firstSeen) {
    Instant first = Instant.parse(firstSeen);
    return new Evidence(page, excerpt, first, first.plus(Duration.ofDays(10)));
  }

  private static SentReminder reminder(String day, String id, TrackedKind kind, String unit, DueState state,
      String deadline) {
    return new SentReminder(LocalDate.parse(day), id, kind, unit, state, LocalDate.parse(deadline));
  }

  private static String paragraph(Bulletin b, String section, String heading) {
    return b.section(section).orElseThrow().paragraphs().stream().filter(p -> p.startsWith(heading)).findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph " + heading + " in " + b.fullText()));
  }

  @Test
  @DisplayName("常态化监测 counts only what monitoring found, per unit, naming the column, page or account")
  void monitoringFromRecords() {
    Bulletin b = service.bulletin(APRIL).await();

    assertThat(paragraph(b, "基本情况", "●常态化监测情况")).isEqualTo("●常态化监测情况。在常态化监测中,发现"
        + "县林业局的工作动态栏目超过两周未更新;赣州市信丰生态环境局的政务新媒体「信丰生态环境」有两周未及时更新;"
        + "县卫健委的工作动态栏目超过两周未更新;万隆乡政府的工作动态有1处图片不能显示;大桥镇政府的工作动态有1处不可用链接;县发改委的网站有1处不可用链接;县统计局的信息公开指南有1处内容有误;"
        + "县商务局的信息公开指南有1处内容有误。共发现问题8个,涉及8个单位,均已列入整改台账。");
  }

  @Test
  @DisplayName("[存在问题] is written from the records by category, with dates, units and reminder counts; the staff "
      + "paragraph follows")
  void problemsFromRecords() {
    Bulletin b = service.bulletin(APRIL).await();

    assertThat(b.section("存在问题").orElseThrow().paragraphs()).containsExactly(
        "●栏目更新不及时。栏目更新是政府网站工作的基本要求,较多单位未按要求落实,工作依赖县政务公开办工作人员的提示提醒,"
            + "如4月10日县林业局工作动态出现逾期;4月29日县卫健委工作动态出现逾期;小江镇政府、县水利局多次被提醒工作动态即将逾期。",
        "●不可用链接等问题屡禁不止。经随机检查发现,3月19日万隆乡政府的工作动态照片不能显示。"
            + "还有大桥镇政府的工作动态出现不可用链接问题;县发改委的网站出现不可用链接问题。",
        "●政务新媒体管理不到位。高新区管委会的政务新媒体「信丰高新区」未按要求跟进注销,县政务公开办工作人员3次提醒要求提供注销截图,"
            + "高新区管委会未按要求进行落实。",
        "●“三审三校”落实不到位。不少单位的信息公开指南存在较多问题。经随机抽查发现,"
            + "县统计局、县商务局的信息公开指南地址应写成信丰县5G产业园政务服务中心一楼,却写成“地址：信丰县人民政府办公室”。");
    assertThat(b.section("存在问题").orElseThrow().text() + b.section("基本情况").orElseThrow().text())
        .as("a closed March finding and a unit reminded once are not reported").doesNotContain("大塘埠镇", "县文广新旅局");
    assertThat(b.missing()).isEmpty();
  }

  @Test
  @DisplayName("publishing tracks one finding per unit in its own words and gives the monitor's findings the "
      + "bulletin's deadline (issue date + 5 working days)")
  void publishTracksFindingsPerUnit() {
    service.addItem(Actor.admin("", "李四"), APRIL, "存在问题", STAFF).await();

    PublishResult r = service.publish(LI_SI, APRIL).await();
    List<Finding> findings = tracked.list(TrackedKind.FINDINGS).await().stream().map(Finding.class::cast).toList();

    LocalDate deadline = LocalDate.of(2024, 5, 11);
    assertThat(r.outcome()).isEqualTo(PublishResult.Outcome.PUBLISHED);
    assertThat(r.bulletin().section("存在问题").orElseThrow().paragraphs()).last().asString().startsWith("●网站内容发布质量不高。");
    assertThat(r.findingsCreated()).isEqualTo(7);
    assertThat(findings).filteredOn(f -> f.issued().equals(LocalDate.of(2024, 5, 6)))
        .extracting(Finding::unit, Finding::category, Finding::text, Finding::deadline).containsExactlyInAnyOrder(
            tuple("县林业局", "栏目更新不及时", "4月10日县林业局工作动态出现逾期", deadline),
            tuple("县卫健委", "栏目更新不及时", "4月29日县卫健委工作动态出现逾期", deadline),
            tuple("小江镇政府", "栏目更新不及时", "小江镇政府多次被提醒工作动态即将逾期", deadline),
            tuple("县水利局", "栏目更新不及时", "县水利局多次被提醒工作动态即将逾期", deadline),
            tuple("高新区管委会", "政务新媒体管理不到位", "高新区管委会的政务新媒体「信丰高新区」未按要求跟进注销,"
                + "县政务公开办工作人员3次提醒要求提供注销截图,高新区管委会未按要求进行落实", deadline),
            tuple("虎山乡政府", "网站内容发布质量不高", "虎山的工作动态发布金庸小说等与网站内容不符的相关信息", deadline),
            tuple("正平镇政府", "网站内容发布质量不高", "正平镇基层政务公开标准目录引用文件依据为章贡区,出现逻辑性错误", deadline));
    assertThat(findings).filteredOn(f -> f.category().startsWith("疑似") && f.state() == FindingState.OPEN)
        .hasSize(5).allSatisfy(f -> assertThat(f.deadline()).isEqualTo(deadline));
    assertThat(findings).filteredOn(f -> f.state() == FindingState.CLOSED).singleElement()
        .extracting(Finding::deadline).isNull();
    assertThat(service.publish(LI_SI, APRIL).await().findingsCreated()).isZero();
  }

  @Test
  @DisplayName("May's records give May's text: May's overdue days, no April reminders, the still-open findings again")
  void anotherMonthAnotherText() {
    clock.advance(Duration.ofDays(31));
    Bulletin may = service.bulletin(APRIL.plusMonths(1)).await();

    String problems = may.section("存在问题").orElseThrow().text();
    assertThat(problems).doesNotContain("4月29日", "多次被提醒", "4月10日", "提醒要求提供注销截图")
        .contains("5月7日县林业局工作动态出现逾期", "5月10日小江镇政府工作动态出现逾期",
            "3月19日万隆乡政府的工作动态照片不能显示", "高新区管委会的政务新媒体「信丰高新区」未按要求跟进注销");
    assertThat(paragraph(may, "基本情况", "●常态化监测情况")).contains("县卫健委的工作动态栏目超过两周未更新",
        "县林业局的工作动态栏目超过两周未更新、政务新媒体「信丰林业」有两周未及时更新");
  }
}
