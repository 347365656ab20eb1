package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedItem.Letter;
import io.zwgk.bot.remind.TrackedItem.Task;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.Unit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DigestBuilderTest {
  private static final LocalDate TODAY = LocalDate.of(2024, 5, 13);
  private static final List<Unit> UNITS = List.of(
      new Unit("县水利局", Category.COUNTY_DEPT, List.of(), List.of(
          new Contact("张三", "13800000001", Map.of("dingtalk", "zs01", "wecom", "ZhangSan")))),
      new Unit("县民政局", Category.COUNTY_DEPT, List.of(), List.of(
          new Contact("李四", "13800000002", Map.of()),
          new Contact("王五", "", Map.of("wecom", "WangWu")))),
      new Unit("大阿镇政府", Category.TOWNSHIP, List.of(), List.of(
          new Contact("赵六", "13800000006", Map.of("wecom", "ZhaoLiu")))),
      new Unit("县供销社", Category.COUNTY_DEPT, List.of(), List.of()));
  private static final GroupConfig COUNTY = group("县直单位群", "dingtalk", false, "县水利局", "县民政局");
  private static final GroupConfig TOWNS = group("乡镇群", "wecom", false, "大阿镇政府");
  private static final GroupConfig SUPPLY = group("供销社群", "dingtalk", false, "县供销社");
  private static final GroupConfig OFFICE = group("政务公开办", "dingtalk", true);

  private final DigestBuilder builder = new DigestBuilder(ReminderRules.defaults());

  private static GroupConfig group(String name, String platform, boolean office, String... units) {
    return new GroupConfig(name, platform, null, Optional.empty(), Optional.empty(), Optional.empty(), office, false,
        List.of(units));
  }

  private static Due due(String id, String unit, DueState state, LocalDate deadline, int left, String what) {
    return new Due(new Task(id, unit, what, deadline, false), state, deadline, left, what);
  }

  private static Due review(String id, String unit) {
    Finding f = new Finding(id, unit, "隐私泄露", "公示名单含身份证号", LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 11),
        FindingState.SUBMITTED, Optional.of("已删除"));
    return new Due(f, DueState.AWAITING_REVIEW, LocalDate.of(2024, 5, 11), -1, "隐私泄露：公示名单含身份证号，已报整改，待复核");
  }

  private final List<Due> dues = List.of(
      due("5", "县民政局", DueState.DUE_SOON, LocalDate.of(2024, 5, 16), 3, "标准目录更新 未完成"),
      due("12", "县水利局", DueState.OVERDUE, LocalDate.of(2024, 5, 9), -2, "工作动态 已 20 天未更新（期限 14 天）"),
      due("3", "县民政局", DueState.OVERDUE, LocalDate.of(2024, 5, 10), -1, "以干代训 未完成"),
      due("8", "县水利局", DueState.DUE_TODAY, TODAY, 0, "专区操作指南 未完成"),
      due("9", "大阿镇政府", DueState.OVERDUE, LocalDate.of(2024, 5, 6), -4, "政府信息公开指南 未完成"),
      review("21", "县民政局"));

  @Test
  @DisplayName("a unit group gets one message: its units' items by section, most urgent first, and the footer")
  void unitGroupText() {
    Digest digest = builder.build(dues, UNITS, List.of(COUNTY), TODAY, true).get(0);

    assertThat(digest.group()).isEqualTo("县直单位群");
    assertThat(digest.message().title()).isEqualTo("政务公开提醒 5月13日");
    assertThat(digest.message().markdown()).isEqualTo("""
        政务公开提醒 5月13日

        **已逾期（2 项）**
        【编号 12】县水利局：工作动态 已 20 天未更新（期限 14 天）（截止 5月9日，逾期 2 个工作日）
        【编号 3】县民政局：以干代训 未完成（截止 5月10日，逾期 1 个工作日）

        **今日到期（1 项）**
        【编号 8】县水利局：专区操作指南 未完成（今天截止）

        **即将到期（1 项）**
        【编号 5】县民政局：标准目录更新 未完成（截止 5月16日，还剩 3 个工作日）

        回复「收到」确认；整改完成请发「整改 编号 说明」""");
    assertThat(digest.itemIds()).containsExactly("12", "3", "8", "5");
  }

  @Test
  @DisplayName("mentions are the named units' contacts: the user id for the group's platform, else the mobile")
  void mentions() {
    List<Digest> digests = builder.build(dues, UNITS, List.of(COUNTY, TOWNS), TODAY, false);

    OutboundMessage county = digests.get(0).message();
    assertThat(county.atUserIds()).containsExactly("zs01");
    assertThat(county.atMobiles()).containsExactly("13800000002");
    OutboundMessage towns = digests.get(1).message();
    assertThat(towns.atUserIds()).containsExactly("ZhaoLiu");
    assertThat(towns.atMobiles()).isEmpty();
  }

  @Test
  @DisplayName("each group gets only the units it covers, and a group with nothing due gets no digest")
  void grouping() {
    List<Digest> digests = builder.build(dues, UNITS, List.of(COUNTY, SUPPLY, TOWNS), TODAY, false);

    assertThat(digests).extracting(Digest::group).containsExactly("县直单位群", "乡镇群");
    assertThat(digests.get(1).itemIds()).containsExactly("9");
    assertThat(digests.get(1).message().markdown()).doesNotContain("县水利局", "县民政局");
    assertThat(builder.build(List.of(), UNITS, List.of(COUNTY, OFFICE), TODAY, true)).isEmpty();
  }

  @Test
  @DisplayName("an office group gets items overdue by at least 2 working days as 【督办】 and findings awaiting"
      + " review, no routine reminders and no mentions")
  void officeEscalation() {
    Digest office = builder.build(dues, UNITS, List.of(OFFICE), TODAY, true).get(0);

    assertThat(office.message().title()).isEqualTo("政务公开督办 5月13日");
    assertThat(office.message().markdown()).isEqualTo("""
        政务公开督办 5月13日

        **已逾期（2 项）**
        【督办】【编号 9】大阿镇政府：政府信息公开指南 未完成（截止 5月6日，逾期 4 个工作日）
        【督办】【编号 12】县水利局：工作动态 已 20 天未更新（期限 14 天）（截止 5月9日，逾期 2 个工作日）

        **待复核（1 项）**
        【编号 21】县民政局：隐私泄露：公示名单含身份证号，已报整改，待复核（整改期限 5月11日）

        复核后请发「复核 编号 通过」或「复核 编号 退回 原因」""");
    assertThat(office.itemIds()).containsExactly("9", "12", "21");
    assertThat(office.message().atUserIds()).isEmpty();
    assertThat(office.message().atMobiles()).isEmpty();
  }

  @Test
  @DisplayName("without escalation an office group gets only the findings awaiting review, and nothing if none")
  void officeWithoutEscalation() {
    assertThat(builder.build(dues, UNITS, List.of(OFFICE), TODAY, false)).singleElement()
        .satisfies(d -> assertThat(d.itemIds()).containsExactly("21"));
    List<Due> noReview = dues.stream().filter(d -> d.state() != DueState.AWAITING_REVIEW).toList();
    assertThat(builder.build(noReview, UNITS, List.of(OFFICE), TODAY, false)).isEmpty();
  }

  @Test
  @DisplayName("findings awaiting review never reach unit groups; escalations are not marked there")
  void unitGroupsSeeNoReviewOrEscalationMark() {
    Digest county = builder.build(dues, UNITS, List.of(COUNTY), TODAY, true).get(0);

    assertThat(county.itemIds()).doesNotContain("21");
    assertThat(county.message().markdown()).doesNotContain("待复核", "【督办】");
  }

  @Test
  @DisplayName("the escalation delay comes from the rules")
  void escalationDelay() {
    ReminderRules d = ReminderRules.defaults();
    ReminderRules three = new ReminderRules(d.zone(), d.schedules(), d.quietHours(), d.dueSoonWorkingDays(),
        d.columnThresholds(), d.accountThreshold(), d.letters(), d.findingWorkingDays(), d.openDays(), 3);
    List<Due> overdue = dues.stream().filter(x -> x.state() == DueState.OVERDUE).toList();

    assertThat(new DigestBuilder(three).build(overdue, UNITS, List.of(OFFICE), TODAY, true)).singleElement()
        .satisfies(x -> assertThat(x.itemIds()).containsExactly("9"));
  }

  @Test
  @DisplayName("same urgency is ordered by the units list, then by numeric id; other years show the year")
  void ordering() {
    Letter a = new Letter("10", "县民政局", "A", LocalDate.of(2023, 12, 1), false, false);
    Letter b = new Letter("9", "县民政局", "B", LocalDate.of(2023, 12, 1), false, false);
    Letter c = new Letter("11", "县水利局", "C", LocalDate.of(2023, 12, 1), false, false);
    LocalDate deadline = LocalDate.of(2023, 12, 29);
    List<Due> same = List.of(new Due(a, DueState.OVERDUE, deadline, -5, "A"),
        new Due(b, DueState.OVERDUE, deadline, -5, "B"), new Due(c, DueState.OVERDUE, deadline, -5, "C"));

    Digest digest = builder.build(same, UNITS, List.of(COUNTY), TODAY, false).get(0);

    assertThat(digest.itemIds()).containsExactly("11", "9", "10");
    assertThat(digest.message().markdown()).contains("【编号 11】县水利局：C（截止 2023年12月29日，逾期 5 个工作日）");
  }

  @Test
  @DisplayName("a due-soon item whose due date is a non-working day with no working day before it says act today;"
      + " an overdue item with no working day since says 已逾期")
  void zeroWorkingDays() {
    assertThat(DigestBuilder.line(due("1", "县水利局", DueState.DUE_SOON, LocalDate.of(2024, 5, 19), 0, "x"), false,
        LocalDate.of(2024, 5, 17))).isEqualTo("【编号 1】县水利局：x（截止 5月19日，截止日前已无工作日，请今天办理）");
    assertThat(DigestBuilder.line(due("1", "县水利局", DueState.OVERDUE, LocalDate.of(2024, 5, 17), 0, "x"), false,
        LocalDate.of(2024, 5, 19))).isEqualTo("【编号 1】县水利局：x（截止 5月17日，已逾期）");
  }

  @Test
  @DisplayName("end to end: a letter received 4月1日 and still unanswered on 5月6日 is escalated to the office group")
  void letterEscalatedEndToEnd() {
    LocalDate may6 = LocalDate.of(2024, 5, 6);
    Letter letter = new Letter("7", "县民政局", "XF-2024-03", LocalDate.of(2024, 4, 1), false, false);
    Due due = new DueEvaluator(ReminderRules.defaults(), new TestWorkingDays()).evaluate(letter, may6).orElseThrow();

    List<Digest> digests = builder.build(List.of(due), UNITS, List.of(COUNTY, OFFICE), may6, true);

    assertThat(digests).extracting(Digest::group).containsExactly("县直单位群", "政务公开办");
    assertThat(digests.get(1).message().markdown()).contains("【督办】【编号 7】县民政局：依申请公开「XF-2024-03」未答复，"
        + "4月1日收到，限 20 个工作日（截止 4月29日，逾期 2 个工作日）");
  }
}
