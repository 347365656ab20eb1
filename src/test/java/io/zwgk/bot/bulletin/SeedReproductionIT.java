package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.monitor.Evidence;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.DueState;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminder;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedImporter;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.DemoData;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.StatsImporter;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.UnitResolver;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The April 2024 seed regenerated from records entered through the documented means: the demo statistics tables
 * imported, the tracked lists imported as tables with the README's columns, the monitor's findings and evidence and
 * the reminders sent put in their stores, the 网络问政 count entered; only the 十县百乡 and 工作动态 narratives are typed.
 * The seed's sentences outside those two narratives are compared with the composed text, one by one.
 */
@ExtendWith(VertxRedisExtension.class)
class SeedReproductionIT {
  /** The seed sentences reproduced exactly (28 of 42 when written); the test fails if fewer are. */
  private static final int REPRODUCED_FLOOR = 28;
  private static final YearMonth APRIL = SeedBulletin.APRIL;
  private static final Actor STAFF = Actor.admin("", "李四");
  private static final String SITE = "https://www.xinfeng.gov.cn/";
  private static final String CSV = "text/csv";

  private static final String COLUMNS = """
      单位名称,栏目,类别,网址,最后更新日期
      县卫健委,工作动态,动态,%1$sxxgk/wjw/gzdt/index.html,2024-04-14
      小江镇政府,工作动态,动态,%1$sxxgk/xj/gzdt/index.html,2024-04-26
      县文广新旅局,工作动态,动态,%1$sxxgk/wgxl/gzdt/index.html,2024-04-26
      县水利局,工作动态,动态,%1$sxxgk/slj/gzdt/index.html,2024-04-26
      县市场监督管理局,工作动态,动态,%1$sxxgk/scjg/gzdt/index.html,2024-04-26
      万隆乡政府,工作动态,动态,%1$sxxgk/wl/gzdt/index.html,2024-04-28
      大塘埠镇政府,工作动态,动态,%1$sxxgk/dtb/gzdt/index.html,2024-04-28
      大桥镇政府,工作动态,动态,%1$sxxgk/dq/gzdt/index.html,2024-04-28
      县发改委,工作动态,动态,%1$sxxgk/fgw/gzdt/index.html,2024-04-28
      高新区管委会,工作动态,动态,%1$sxxgk/gxq/gzdt/index.html,2024-04-28
      油山镇政府,工作动态,动态,%1$sxxgk/ys/gzdt/index.html,2024-04-28
      嘉定镇政府,工作动态,动态,%1$sxxgk/jd/gzdt/index.html,2024-04-28
      县住建局,工作动态,动态,%1$sxxgk/zjj/gzdt/index.html,2024-04-28
      县司法局,工作动态,动态,%1$sxxgk/sfj/gzdt/index.html,2024-04-28
      """.formatted(SITE);
  private static final String ACCOUNTS = """
      单位名称,账号,最后发布日期,是否注销,已确认注销
      赣州市信丰生态环境局,信丰生态环境,2024-04-01,否,否
      高新区管委会,信丰高新区,2024-04-20,是,否
      """;
  private static final String LETTERS = """
      单位名称,来信编号,收到日期,是否延期,已答复
      县民政局,YSQ-2024-011,2024-04-02,否,是
      县自然资源局,YSQ-2024-012,2024-04-09,否,是
      县住建局,YSQ-2024-013,2024-04-16,否,是
      县人社局,YSQ-2024-014,2024-04-23,否,是
      """;
  private static final String POLICIES = """
      单位名称,文件名称,印发日期,已发布解读
      县果业发展服务中心,信丰县2024年柑橘黄龙病防控工作方案,2024-04-03,否
      """;
  private static final String FINDINGS = """
      单位名称,类别,问题描述,通报日期
      虎山乡政府,"网站内容发布质量不高,存在逻辑错误",工作动态栏目发布金庸小说等与网站内容不符的相关信息,2024-04-26
      正平镇政府,"网站内容发布质量不高,存在逻辑错误","基层政务公开标准目录引用文件依据为章贡区,出现逻辑性错误",2024-04-26
      """;
  private static final String TRAINING = "“以干代训”,%s,2024-04-30,%s,%s,2024-03-11,安排参训人员到县政务公开办开展“以干代训”活动\n";
  private static final String ZONE = "政务公开专区建设,%s,,,%s,2024-04-25,\"分别在乡(镇)便民服务中心和5G产业园县政务服务中心,"
      + "制作县政府信息查询区操作指南和依申请信息公开流程图\"\n";
  private static final String CATALOGUE = "基层政务公开标准化目录完善,%s,2024-04-30,是,%s,2024-04-03,政务公开标准目录内容\n";
  private static final List<String> TOWNSHIPS = List.of("大桥镇", "大塘埠镇", "小河镇", "西牛镇", "小江镇", "崇仙乡",
      "万隆乡", "油山镇", "虎山乡", "正平镇", "安西镇", "嘉定镇", "新田镇", "古陂镇", "大阿镇", "铁石口镇");
  private static final Set<String> FAST = Set.of("小江镇", "小河镇", "崇仙乡", "大塘埠镇", "县行政审批局");

  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));

  @Test
  @DisplayName("the seed's sentences other than 十县百乡 and 工作动态 are reproduced from records, at least the floor")
  void seedFromRecords(Vertx vertx, Redis redis) throws IOException {
    BulletinService service = enterApril(vertx, redis);

    Bulletin b = service.bulletin(APRIL).await();

    List<String> seed = sentences(seedProse());
    Set<String> generated = new LinkedHashSet<>(sentences(generatedProse(b)));
    List<String> missing = seed.stream().filter(s -> !generated.contains(s)).toList();
    int reproduced = seed.size() - missing.size();
    System.out.printf("seed sentences reproduced from records: %d of %d (%.0f %%)%n", reproduced, seed.size(),
        100.0 * reproduced / seed.size());
    missing.forEach(s -> System.out.println("  not reproduced: " + s));
    assertThat(b.missing()).isEmpty();
    assertThat(reproduced).as("seed sentences reproduced (missing: %s)", missing).isGreaterThanOrEqualTo(
        REPRODUCED_FLOOR);
  }

  private BulletinService enterApril(Vertx vertx, Redis redis) throws IOException {
    TrackedStore tracked = new TrackedStore(redis);
    StatsStore stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    ChatConfig chat = new ChatConfig(List.of(), List.of());
    BulletinService service = new BulletinService(new BulletinStore(redis), stats, tracked, new MonitorStore(redis),
        new SentReminderStore(redis), new Outbox(new OutboxStore(redis), chat, p -> 4000, clock), new BindingStore(redis),
        chat, new BulletinSetup(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR, ReminderRules.defaults(),
            SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames(), Optional.empty(), "信丰县"), clock);
    DemoData.loadIfEmpty(vertx, stats, new StatsImporter(vertx, stats, SeedBulletin.BOT.units(),
        SeedBulletin.BOT.unitNames()),
        SeedBulletin.CONFIG.resolve("demo")).await();
    UnitResolver units = new UnitResolver(SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames());
    TrackedImporter importer = new TrackedImporter(vertx, tracked, name -> units.resolve(name)
        instanceof Resolution.Found f ? Optional.of(f.unit().name()) : Optional.empty(),
        SeedBulletin.CALENDAR::addWorkingDays);
    Map<TrackedKind, String> tables = Map.of(TrackedKind.COLUMNS, COLUMNS, TrackedKind.ACCOUNTS, ACCOUNTS,
        TrackedKind.LETTERS, LETTERS, TrackedKind.POLICIES, POLICIES, TrackedKind.FINDINGS, FINDINGS,
        TrackedKind.TASKS, tasks());
    tables.forEach((kind, csv) -> importer.importTable(STAFF, kind, csv.getBytes(StandardCharsets.UTF_8), CSV)
        .await());
    monitorFindings(tracked, new MonitorStore(redis));
    new SentReminderStore(redis).record(reminders(tracked)).await();
    service.setCount(STAFF, APRIL, "网络问政", 7).await();
    narratives().forEach((text, section) -> service.addItem(STAFF, APRIL, section, text).await());
    return service;
  }

  private static String tasks() {
    StringBuilder csv = new StringBuilder("任务,单位名称,截止日期,是否完成,完成日期,布置日期,要求\n");
    List<String> trained = List.of("县自然资源局", "县行政审批局", "县林业局", "县应急管理局", "县司法局", "县工信局", "县城管局");
    for (int i = 0; i < trained.size(); i++) {
      csv.append(TRAINING.formatted(trained.get(i), "是", "2024-04-" + (20 + i)));
    }
    csv.append(TRAINING.formatted("县发改委", "否", ""));
    Stream.concat(TOWNSHIPS.stream(), Stream.of("县行政审批局")).forEach(u -> csv.append(ZONE.formatted(u,
        FAST.contains(u) ? "2024-04-26" : "2024-04-30")));
    List<String> late = List.of("县文广新旅局", "县水利局", "县税务局", "县市场监督管理局");
    for (int i = 0; i < late.size(); i++) {
      csv.append(CATALOGUE.formatted(late.get(i), "2024-05-0" + (i + 2)));
    }
    return csv.toString();
  }

  /** What the site monitor stored: images and links that fail on 工作动态 pages, 信息公开指南 with the wrong address. */
  private static void monitorFindings(TrackedStore tracked, MonitorStore monitor) {
    List<TrackedItem> findings = new ArrayList<>();
    Map<String, Evidence> evidence = new HashMap<>();
    Map<String, String> images = Map.of("万隆乡政府", "wl:2024-03-19", "大塘埠镇政府", "dtb:2024-03-31");
    images.forEach((unit, at) -> monitored(findings, evidence, unit, "疑似图片无法显示", SITE + "img/" + at.split(":")[0]
        + ".jpg", SITE + "xxgk/" + at.split(":")[0] + "/gzdt/202403/t1.html", "图片“活动照片”：HTTP 404", at.split(":")[1]));
    Map<String, String> links = new LinkedHashMap<>();
    links.put("大桥镇政府", "dq");
    links.put("县发改委", "fgw");
    links.put("高新区管委会", "gxq");
    links.put("油山镇政府", "ys");
    links.put("大塘埠镇政府", "dtb");
    links.put("嘉定镇政府", "jd");
    links.put("县住建局", "zjj");
    links.put("县司法局", "sfj");
    int day = 10;
    for (Map.Entry<String, String> e : links.entrySet()) {
      monitored(findings, evidence, e.getKey(), "疑似不可用链接", SITE + "files/" + e.getValue() + "-plan.doc",
          SITE + "xxgk/" + e.getValue() + "/gzdt/202404/t2.html", "链接“方案”：HTTP 404", "2024-04-" + day++);
    }
    for (String unit : List.of("县市场监督管理局", "县统计局", "县退役军人事务局", "县应急管理局", "县农业农村局", "县财政局",
        "县商务局")) {
      String page = SITE + "zn/" + Math.abs(unit.hashCode()) + ".html";
      monitored(findings, evidence, unit, "疑似指南信息有误", "信息公开指南地址应为 信丰县5G产业园政务服务中心一楼（" + page + "）",
          page, "页面写的是：地址：信丰县人民政府办公室", "2024-04-22");
    }
    tracked.upsert(TrackedKind.FINDINGS, findings).await();
    monitor.putEvidence(evidence).await();
  }

  private static void monitored(List<TrackedItem> findings, Map<String, Evidence> evidence, String unit,
      String category, String text, String page, String excerpt, String day) {
    findings.add(new Finding("", unit, category, text, LocalDate.parse(day), null, FindingState.OPEN,
        Optional.empty()));
    Instant first = Instant.parse(day + "T02:00:00Z");
    evidence.put(unit + "|" + category + "|" + text, new Evidence(page, excerpt, first, first.plus(Duration.ofDays(9))));
  }

  /** What the reminder service logged: due-soon reminders of 工作动态 on several days, the account to close weekly. */
  private static List<SentReminder> reminders(TrackedStore tracked) {
    Map<String, String> columns = new HashMap<>();
    tracked.list(TrackedKind.COLUMNS).await().forEach(c -> columns.put(c.unit(), c.id()));
    String account = tracked.list(TrackedKind.ACCOUNTS).await().stream().filter(a -> a.unit().equals("高新区管委会"))
        .findFirst().orElseThrow().id();
    List<SentReminder> sent = new ArrayList<>();
    for (String unit : List.of("小江镇政府", "县文广新旅局", "县水利局", "县市场监督管理局")) {
      for (String day : List.of("2024-04-15", "2024-04-16")) {
        sent.add(new SentReminder(LocalDate.parse(day), columns.get(unit), TrackedKind.COLUMNS, unit,
            DueState.DUE_SOON, LocalDate.parse("2024-04-18")));
      }
    }
    for (String day : List.of("2024-04-08", "2024-04-15", "2024-04-22")) {
      sent.add(new SentReminder(LocalDate.parse(day), account, TrackedKind.ACCOUNTS, "高新区管委会", DueState.DUE_TODAY,
          LocalDate.parse(day)));
    }
    return sent;
  }

  /** The seed's 十县百乡 and 工作动态 paragraphs, typed by staff: text → 栏目. */
  private static Map<String, String> narratives() throws IOException {
    Map<String, String> items = new LinkedHashMap<>();
    List<String> lines = seedLines();
    boolean news = false;
    String previous = "";
    for (String line : lines) {
      if (line.startsWith("[")) {
        news = line.equals("[工作动态]");
      } else if (news) {
        items.put(line, "工作动态");
      } else if (isTownships(line, previous)) {
        items.put(line.replaceFirst("^●“十县百乡”建设情况。", ""), "“十县百乡”建设情况");
      }
      previous = line.startsWith("●") || line.startsWith("[") ? line : previous;
    }
    return items;
  }

  private static boolean isTownships(String line, String lastHeaded) {
    return line.startsWith("●“十县百乡”") || !line.startsWith("●") && !line.startsWith("[")
        && lastHeaded.startsWith("●“十县百乡”");
  }

  /** The seed's prose without the typed narratives, the section marks and the attachments. */
  private static String seedProse() throws IOException {
    StringBuilder out = new StringBuilder();
    boolean news = false;
    String lastHeaded = "";
    for (String line : seedLines()) {
      if (line.startsWith("[")) {
        news = line.equals("[工作动态]");
      } else if (!news && !isTownships(line, lastHeaded)) {
        out.append(line).append('\n');
      }
      lastHeaded = line.startsWith("●") || line.startsWith("[") ? line : lastHeaded;
    }
    return out.toString();
  }

  private static List<String> seedLines() throws IOException {
    try (InputStream in = SeedReproductionIT.class.getResourceAsStream("/seed/2024-04-bulletin.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.substring(0, text.indexOf("附件:")).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
  }

  private static String generatedProse(Bulletin b) {
    StringBuilder out = new StringBuilder(b.preface()).append('\n');
    b.sections().forEach(s -> out.append(s.text()).append('\n'));
    return out.toString();
  }

  /** Sentences ending in 。, compared without spaces, bullets and full-width/half-width differences. */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("[。\n]")) {
      String n = s.replaceAll("[\\s●]", "").replace('，', ',').replace('；', ';').replace('：', ':')
          .replace('（', '(').replace('）', ')');
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }
}
