package io.zwgk.bot.remind;

import static io.zwgk.bot.remind.TrackedFixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.stats.RowProblem;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrackedImportParserTest {
  private static final LocalDate APRIL_29 = LocalDate.of(2024, 4, 29);

  @Test
  @DisplayName("columns: a title row, a BOM, free column order and short class names are accepted")
  void columns() {
    TrackedImportPlan plan = csv(TrackedKind.COLUMNS, """
        \uFEFF2024年网站栏目更新情况,,,,
        栏目,单位名称,类别,网址,最后更新日期
        工作动态,县水利局,动态,https://www.example.gov.cn/slj/gzdt/,2024-04-29
        通知 公告,县司法局,通知公告,,2023/11/5
        人事信息,大阿镇政府,人事/规划计划类,http://example.gov.cn/dae,2023年6月1日
        """);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.items()).containsExactly(
        new TrackedItem.Column("", "县水利局", "工作动态", "https://www.example.gov.cn/slj/gzdt/", "动态/要闻类", APRIL_29),
        new TrackedItem.Column("", "县司法局", "通知公告", "", "通知公告/政策文件类", LocalDate.of(2023, 11, 5)),
        new TrackedItem.Column("", "大阿镇政府", "人事信息", "http://example.gov.cn/dae", "人事/规划计划类",
            LocalDate.of(2023, 6, 1)));
  }

  @Test
  @DisplayName("accounts: 是 and 否 read as flags, an empty cell is 否, a missing optional column too")
  void accounts() {
    TrackedImportPlan plan = csv(TrackedKind.ACCOUNTS, """
        单位名称,账号,最后发布日期,是否注销,已确认注销
        县水利局,信丰水利,2024-04-20,,
        县司法局,信丰司法,2024.3.1,是,否
        大阿镇政府,大阿发布,2024-01-02,是,是
        """);
    TrackedImportPlan withoutFlags = csv(TrackedKind.ACCOUNTS, "单位名称,账号,最后发布日期\n县水利局,信丰水利,2024-04-20\n");

    assertThat(plan.items()).containsExactly(
        new TrackedItem.Account("", "县水利局", "信丰水利", LocalDate.of(2024, 4, 20), false, false),
        new TrackedItem.Account("", "县司法局", "信丰司法", LocalDate.of(2024, 3, 1), true, false),
        new TrackedItem.Account("", "大阿镇政府", "大阿发布", LocalDate.of(2024, 1, 2), true, true));
    assertThat(withoutFlags.items()).containsExactly(
        new TrackedItem.Account("", "县水利局", "信丰水利", LocalDate.of(2024, 4, 20), false, false));
  }

  @Test
  @DisplayName("tasks: one task given to several units is one item per unit, free text keeps its punctuation")
  void tasks() {
    TrackedImportPlan plan = csv(TrackedKind.TASKS, """
        任务,单位名称,截止日期,是否完成
        编制《标准目录》,县水利局,2024-05-31,否
        编制《标准目录》,县司法局,2024-05-31,是
        以干代训  两次,县司法局,2024年6月30日,
        """);

    assertThat(plan.items()).containsExactly(
        new TrackedItem.Task("", "县水利局", "编制《标准目录》", LocalDate.of(2024, 5, 31), false),
        new TrackedItem.Task("", "县司法局", "编制《标准目录》", LocalDate.of(2024, 5, 31), true),
        new TrackedItem.Task("", "县司法局", "以干代训 两次", LocalDate.of(2024, 6, 30), false));
  }

  @Test
  @DisplayName("tasks: the day each unit reported done and the day the office gave the task are kept; a task may have "
      + "no deadline, and a done day means done")
  void taskDates() {
    TrackedImportPlan plan = csv(TrackedKind.TASKS, """
        任务,单位名称,截止日期,是否完成,完成日期,布置日期,要求
        编制《标准目录》,县水利局,2024-04-30,是,2024-04-08,2024-04-03,"政务公开标准目录内容 "
        专区操作指南,县司法局,,,2024-04-25,2024-04-03,
        专区操作指南,大阿镇,,否,,2024-04-03,
        """);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.items()).containsExactly(
        new TrackedItem.Task("", "县水利局", "编制《标准目录》", LocalDate.of(2024, 4, 30), true, LocalDate.of(2024, 4, 8),
            LocalDate.of(2024, 4, 3), "政务公开标准目录内容"),
        new TrackedItem.Task("", "县司法局", "专区操作指南", null, true, LocalDate.of(2024, 4, 25), LocalDate.of(2024, 4, 3)),
        new TrackedItem.Task("", "大阿镇政府", "专区操作指南", null, false, null, LocalDate.of(2024, 4, 3)));
  }

  @Test
  @DisplayName("opendays, policies and letters read their dates and flags")
  void openDaysPoliciesLetters() {
    TrackedImportPlan days = csv(TrackedKind.OPENDAYS,
        "单位名称,开放日期,方案已报送,已发布宣传\n县水利局,2024-05-15,是,\n");
    TrackedImportPlan policies = csv(TrackedKind.POLICIES,
        "单位名称,文件名称,印发日期,已发布解读\n县司法局,关于印发《实施方案》的通知,2024/4/3,否\n");
    TrackedImportPlan letters = csv(TrackedKind.LETTERS,
        "单位名称,来信编号,收到日期,是否延期,已答复\n县水利局,YSQ-2024-007,2024-04-01,是,否\n");

    assertThat(days.items()).containsExactly(
        new TrackedItem.OpenDay("", "县水利局", LocalDate.of(2024, 5, 15), true, false));
    assertThat(policies.items()).containsExactly(
        new TrackedItem.Policy("", "县司法局", "关于印发《实施方案》的通知", LocalDate.of(2024, 4, 3), false));
    assertThat(letters.items()).containsExactly(
        new TrackedItem.Letter("", "县水利局", "YSQ-2024-007", LocalDate.of(2024, 4, 1), true, false));
  }

  @Test
  @DisplayName("findings: an empty 整改期限 is 通报日期 plus 5 working days, a given one is kept, all start open")
  void findings() {
    TrackedImportPlan plan = csv(TrackedKind.FINDINGS, """
        单位名称,类别,问题描述,通报日期,整改期限（选填）
        县水利局,政府网站,工作动态栏目超过2周未更新,2024-04-26,
        县司法局,隐私泄露,公示名单含未脱敏身份证号,2024-04-26,2024-04-30
        """);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.items()).containsExactly(
        new TrackedItem.Finding("", "县水利局", "政府网站", "工作动态栏目超过2周未更新", LocalDate.of(2024, 4, 26),
            LocalDate.of(2024, 5, 3), FindingState.OPEN, Optional.empty()),
        new TrackedItem.Finding("", "县司法局", "隐私泄露", "公示名单含未脱敏身份证号", LocalDate.of(2024, 4, 26),
            LocalDate.of(2024, 4, 30), FindingState.OPEN, Optional.empty()));
  }

  @Test
  @DisplayName("a unit typed by alias is stored under its full name, with a warning saying so")
  void aliasWarning() {
    TrackedImportPlan plan = csv(TrackedKind.TASKS, "任务,单位名称,截止日期\n报送年报,水利局,2024-01-31\n");

    assertThat(plan.items()).extracting(TrackedItem::unit).containsExactly("县水利局");
    assertThat(plan.warnings()).containsExactly(new RowProblem(2, "单位“水利局”按“县水利局”导入"));
  }

  @Test
  @DisplayName("total rows and unknown columns are ignored with a warning")
  void ignoredWithWarning() {
    TrackedImportPlan plan = csv(TrackedKind.TASKS, """
        任务,单位名称,截止日期,备注
        报送年报,县水利局,2024-01-31,催办
        ,合计,,
        """);

    assertThat(plan.items()).hasSize(1);
    assertThat(plan.warnings()).containsExactly(new RowProblem(1, "表头“备注”列不认识，已忽略"),
        new RowProblem(3, "“合计”行不是单位，已忽略"));
  }

  @Test
  @DisplayName("an XLSX file reads date cells, text dates, boolean cells and 是/否 alike")
  void xlsx() {
    byte[] body = TrackedFixtures.xlsx(List.of(
        List.of("任务", "单位名称", "截止日期", "是否完成"),
        List.of("报送年报", "县水利局", APRIL_29, "是"),
        Arrays.asList("报送年报", "县司法局", "2024/4/29", null),
        List.of("以干代训", "县司法局", APRIL_29, true)));

    TrackedImportPlan plan = TrackedFixtures.PARSER.parse(TrackedKind.TASKS, body, TrackedFixtures.XLSX);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.items()).containsExactly(
        new TrackedItem.Task("", "县水利局", "报送年报", APRIL_29, true),
        new TrackedItem.Task("", "县司法局", "报送年报", APRIL_29, false),
        new TrackedItem.Task("", "县司法局", "以干代训", APRIL_29, true));
  }
}
