package io.zwgk.bot.bulletin;

import static io.zwgk.bot.bulletin.SeedBulletin.APRIL;
import static io.zwgk.bot.bulletin.SeedBulletin.item;
import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulletinComposerTest {
  private static final LocalDate ISSUED = LocalDate.of(2024, 5, 6);

  private static String paragraph(Bulletin b, String section, String heading) {
    return b.section(section).orElseThrow().paragraphs().stream().filter(p -> p.startsWith(heading)).findFirst()
        .orElseThrow(() -> new AssertionError("no paragraph " + heading + " in " + b.fullText()));
  }

  @Test
  @DisplayName("the 信息发布情况 paragraph carries the seed's totals and names the seed's bottom five, lowest first")
  void statisticsParagraph() {
    String text = paragraph(SeedBulletin.statsOnly(ISSUED), "基本情况", "●信息发布情况");

    assertThat(text).startsWith("●信息发布情况。2024年4月,县政府门户网站累计主动公开政府信息20160条。"
        + "4月份乡(镇)新增公开3652条、县直单位新增公开2162条。");
    String seedBottom = "高新区管委会、县烟草专卖局、县水利局、统调队、县市场监督管理局";
    String named = text.substring(text.indexOf("2162条。") + 6, text.indexOf("居县直单位末五位"));
    assertThat(Arrays.asList(named.split("、"))).containsExactlyInAnyOrder(seedBottom.split("、"));
    assertThat(named).isEqualTo("高新区管委会、县烟草专卖局、县水利局、县市场监督管理局、统调队");
  }

  @Test
  @DisplayName("附件1 and 附件2 list the seed's 40 and 16 units in the seed's order with its exact figures and ratios")
  void tablesMatchSeed() {
    Bulletin b = SeedBulletin.statsOnly(ISSUED);

    assertThat(b.tables()).extracting(Bulletin.Table::label).containsExactly("附件1", "附件2");
    assertTable(b.tables().get(0), SeedBulletin.printed("2024-04-县直单位.csv"), "政府信息公开平台县直单位信息发布统计表");
    assertTable(b.tables().get(1), SeedBulletin.printed("2024-04-乡镇.csv"), "政府信息公开平台各乡镇信息发布统计表");
    assertThat(b.tables().get(0).headers()).containsExactly("单位名称", "本年度任务数", "已发布总数", "4月发布条数", "完成比例(%)");
    int ratios = b.tables().stream().mapToInt(t -> t.rows().size()).sum();
    assertThat(ratios).isEqualTo(56);
  }

  private static void assertTable(Bulletin.Table table, List<String[]> seed, String title) {
    assertThat(table.title()).isEqualTo(title);
    assertThat(table.rows()).hasSize(seed.size());
    for (int i = 0; i < seed.size(); i++) {
      assertThat(table.rows().get(i).cells()).as("row " + (i + 1)).containsExactly(seed.get(i));
    }
  }

  @Test
  @DisplayName("issued on 2024-04-30, the 5 working days skip the May Day holiday: rectify by 2024-05-10")
  void deadlineRespectsHolidays() {
    Bulletin b = SeedBulletin.statsOnly(LocalDate.of(2024, 4, 30));

    assertThat(b.rectificationDeadline()).isEqualTo(LocalDate.of(2024, 5, 10));
    assertThat(paragraph(b, "工作要求", "●落实问题整改")).contains("月报下发之日起5个工作日内(即2024年5月10日前)完成相关问题整改");
    assertThat(b.section("工作要求").orElseThrow().paragraphs()).hasSize(4);
  }

  @Test
  @DisplayName("issued on 2024-05-06, the 调休 Saturday 2024-05-11 counts as a working day")
  void makeUpDayCounts() {
    assertThat(SeedBulletin.statsOnly(ISSUED).rectificationDeadline()).isEqualTo(LocalDate.of(2024, 5, 11));
  }

  @Test
  @DisplayName("April's letters and the hand-entered 网络问政 count give the seed's sentence when none is overdue")
  void lettersInTime() {
    List<TrackedItem> letters = List.of(letter("1", "县民政局", "2024-04-02", true), letter("2", "县水利局", "2024-04-10", true),
        letter("3", "县公安局", "2024-04-18", true), letter("4", "大阿镇政府", "2024-04-26", false),
        letter("5", "县林业局", "2024-03-05", true));
    BulletinState state = new BulletinState(APRIL, List.of(), Map.of("网络问政", 7), Optional.empty());

    Bulletin b = SeedBulletin.composer().compose(SeedBulletin.inputs(ISSUED, state, letters));

    assertThat(paragraph(b, "基本情况", "●互动交流问题处理情况")).isEqualTo("●互动交流问题处理情况。4月份,县政府门户网站依申请公开平台"
        + "共收到依申请公开信件4件,网络问政平台共收到群众信件7件,所有信件均在规定时限内高效有序办理,未出现逾期办理情况。");
    assertThat(b.missing()).isEmpty();
  }

  @Test
  @DisplayName("an unanswered letter past its 20 working days is named; a missing 网络问政 count blocks publication")
  void lettersOverdue() {
    List<TrackedItem> letters = List.of(letter("1", "县水利局", "2024-04-01", false));
    Bulletin b = SeedBulletin.composer().compose(SeedBulletin.inputs(ISSUED, BulletinState.empty(APRIL), letters));

    assertThat(paragraph(b, "基本情况", "●互动交流问题处理情况"))
        .contains("共收到依申请公开信件1件", "县水利局的依申请公开信件超过规定时限仍未办结,出现逾期办理情况。");
    assertThat(b.missing()).singleElement().asString().startsWith("缺少：网络问政信件数未录入");
  }

  private static TrackedItem.Letter letter(String id, String unit, String received, boolean answered) {
    return new TrackedItem.Letter(id, unit, "XF-" + id, LocalDate.parse(received), false, answered);
  }

  @Test
  @DisplayName("a task due in April without done or assignment days names the units that met it and those that missed it")
  void taskParagraph() {
    List<String> met = List.of("县自然资源局", "县行政审批局", "县林业局", "县应急管理局", "县司法局", "县工业和信息化局", "县城管局");
    List<TrackedItem> tasks = new ArrayList<>();
    for (int i = 0; i < met.size(); i++) {
      tasks.add(new TrackedItem.Task(String.valueOf(i + 1), met.get(i), "“以干代训”", LocalDate.of(2024, 4, 30), true));
    }
    tasks.add(new TrackedItem.Task("9", "县发改委", "“以干代训”", LocalDate.of(2024, 4, 30), false));
    tasks.add(new TrackedItem.Task("10", "县水利局", "标准目录", LocalDate.of(2024, 5, 31), false));

    Bulletin b = SeedBulletin.composer().compose(SeedBulletin.inputs(ISSUED, BulletinState.empty(APRIL), tasks));

    assertThat(paragraph(b, "基本情况", "●“以干代训”情况")).isEqualTo("●“以干代训”情况。截至4月底,"
        + String.join("、", met) + "已按要求落实到位,县发改委未按要求落实到位。");
    assertThat(b.fullText()).doesNotContain("标准目录");
  }

  @Test
  @DisplayName("the month's imported findings are grouped by category in [存在问题], each naming its units; 常态化监测 "
      + "counts only what monitoring found, so none of them")
  void findingsGrouped() {
    List<TrackedItem> findings = List.of(
        finding("1", "县卫健委", "栏目更新不及时", "4月29日工作动态出现逾期", "2024-04-29"),
        finding("2", "小江镇政府", "栏目更新不及时", "工作动态多次即将逾期。", "2024-04-22"),
        finding("3", "高新区管委会", "政务新媒体管理不到位", "高新区管委会的公众号未按要求注销", "2024-04-15"),
        finding("4", "县水利局", "栏目更新不及时", "3月工作动态逾期", "2024-03-28"),
        finding("5", "县商务局", "栏目更新不及时", "上期月报的问题", "2024-04-10"));
    BulletinInputs in = new BulletinInputs(APRIL, ISSUED, Optional.of(SeedBulletin.april()), BulletinState.empty(APRIL),
        findings, Set.of("5"), Map.of(), List.of());

    Bulletin b = SeedBulletin.composer().compose(in);

    assertThat(b.section("存在问题").orElseThrow().paragraphs()).containsExactly(
        "●栏目更新不及时。县卫健委4月29日工作动态出现逾期;小江镇政府工作动态多次即将逾期。",
        "●政务新媒体管理不到位。高新区管委会的公众号未按要求注销。");
    assertThat(paragraph(b, "基本情况", "●常态化监测情况")).isEqualTo("●常态化监测情况。在常态化监测中,未发现需要通报的问题。");
  }

  private static TrackedItem.Finding finding(String id, String unit, String category, String text, String issued) {
    return new TrackedItem.Finding(id, unit, category, text, LocalDate.parse(issued), null, FindingState.OPEN, null);
  }

  @Test
  @DisplayName("staff items join the paragraph they name, make their own ● paragraphs, and fill 工作动态 and 存在问题")
  void narrativeItems() {
    List<NarrativeItem> items = List.of(
        item("3", "“十县百乡”建设情况", "正平镇按照基层政务公开标准化规范化建设要求,健全政务公开制度。"),
        item("4", "十县百乡", "大阿镇以新建的640㎡便民服务中心为平台,打造基层政务公开专区。"),
        item("5", "常态化监测", "发现信丰生态环境局的政务新媒体有两周未及时更新。"),
        item("6", "工作动态", "4月9日,县政务公开办组织大阿镇、正平镇一行7人前往大余、定南考察学习。"),
        item("7", "【存在问题】", "栏目更新不及时。如4月29日县卫健委工作动态出现逾期;小江镇、文广新旅局多次被提醒。"));
    BulletinState state = new BulletinState(APRIL, items, Map.of("网络问政", 7), Optional.empty());

    Bulletin b = SeedBulletin.composer().compose(SeedBulletin.inputs(ISSUED, state, List.of()));

    List<String> basic = b.section("基本情况").orElseThrow().paragraphs();
    int monitoring = basic.indexOf(paragraph(b, "基本情况", "●常态化监测情况"));
    assertThat(basic.get(monitoring + 1)).isEqualTo("发现信丰生态环境局的政务新媒体有两周未及时更新。");
    assertThat(basic).containsSubsequence("●“十县百乡”建设情况。正平镇按照基层政务公开标准化规范化建设要求,健全政务公开制度。",
        "大阿镇以新建的640㎡便民服务中心为平台,打造基层政务公开专区。");
    assertThat(b.section("工作动态").orElseThrow().paragraphs())
        .containsExactly("●4月9日,县政务公开办组织大阿镇、正平镇一行7人前往大余、定南考察学习。");
    assertThat(b.section("存在问题").orElseThrow().paragraphs())
        .containsExactly("●栏目更新不及时。如4月29日县卫健委工作动态出现逾期;小江镇、文广新旅局多次被提醒。");
    assertThat(monitoring).isPositive();
    assertThat(paragraph(b, "基本情况", "●常态化监测情况")).as("a staff paragraph is not a monitoring finding")
        .isEqualTo("●常态化监测情况。在常态化监测中,未发现需要通报的问题。");
    assertThat(b.notes()).isEmpty();
  }

  @Test
  @DisplayName("each unit a staff [存在问题] paragraph names becomes one open finding with only its own clause, issued and "
      + "due as the template says")
  void namedFindings() {
    BulletinState state = new BulletinState(APRIL, List.of(item("7", "存在问题",
        "栏目更新不及时。如4月29日县卫健委工作动态出现逾期;小江镇、文广新旅局多次被提醒。")), Map.of(), Optional.empty());

    List<TrackedItem.Finding> findings = SeedBulletin.composer()
        .namedFindings(SeedBulletin.inputs(LocalDate.of(2024, 4, 30), state, List.of())).created();

    assertThat(findings).extracting(TrackedItem.Finding::unit).containsExactly("县卫健委", "小江镇政府", "县文广新旅局");
    assertThat(findings).extracting(TrackedItem.Finding::text)
        .containsExactly("4月29日县卫健委工作动态出现逾期", "小江镇多次被提醒", "文广新旅局多次被提醒");
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.category()).isEqualTo("栏目更新不及时");
      assertThat(f.issued()).isEqualTo(LocalDate.of(2024, 4, 30));
      assertThat(f.deadline()).isEqualTo(LocalDate.of(2024, 5, 10));
      assertThat(f.state()).isEqualTo(FindingState.OPEN);
    });
  }

  @Test
  @DisplayName("without statistics the draft says so, has no tables, and cannot be published")
  void missingStatistics() {
    BulletinInputs in = new BulletinInputs(APRIL, ISSUED, Optional.empty(),
        new BulletinState(APRIL, List.of(), Map.of("网络问政", 7), Optional.empty()), List.of(), Set.of(), Map.of(),
        List.of());

    Bulletin b = SeedBulletin.composer().compose(in);

    assertThat(b.missing()).singleElement().asString().startsWith("缺少：统计数据未导入");
    assertThat(b.tables()).isEmpty();
    assertThat(b.notes()).anyMatch(n -> n.contains("[工作动态]暂无内容")).anyMatch(n -> n.contains("[存在问题]暂无内容"));
    assertThat(b.fullText()).doesNotContain("附件:");
  }

  @Test
  @DisplayName("the full text follows the seed's layout: title, 编者按, bracketed sections, attachment list, tables")
  void fullTextLayout() {
    String text = SeedBulletin.statsOnly(ISSUED).fullText();
    List<String> markers = text.lines().filter(l -> l.startsWith("[") || l.startsWith("附件") || l.startsWith("编者按"))
        .collect(Collectors.toList());

    assertThat(text).startsWith("2024年4月政务公开月报\n编者按:");
    assertThat(markers).containsExactly("编者按:为加强政务公开工作日常监测,推进基层政务公开标准化规范化建设,参照市级做法建立政务公开月报机制,"
        + "每月通报工作基本情况、存在问题和工作要求,通报情况纳入年度综合考核。", "[基本情况]", "[存在问题]", "[工作要求]",
        "附件:1.政府信息公开平台县直单位信息发布统计表", "附件1", "附件2");
    assertThat(text).contains("\n2.政府信息公开平台各乡镇信息发布统计表\n", "\n县农业农村局 | 550 | 631 | 153 | 114.73\n",
        "\n铁石口镇政府 | 560 | 359 | 103 | 64.11\n");
  }
}
