package io.zwgk.bot.remind;

import static io.zwgk.bot.remind.TrackedFixtures.csv;
import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.RowProblem;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrackedImportParserErrorsTest {
  private static final String COLUMNS = "单位名称,栏目,类别,网址,最后更新日期\n";

  @Test
  @DisplayName("one bad row rejects the whole file: no items, the bad row named")
  void allOrNothing() {
    TrackedImportPlan plan = csv(TrackedKind.COLUMNS, COLUMNS
        + "县水利局,工作动态,动态,,2024-04-29\n县司法局,工作动态,动态,,2024-04-31\n");

    assertThat(plan.ok()).isFalse();
    assertThat(plan.items()).isEmpty();
    assertThat(plan.errors()).containsExactly(new RowProblem(3, "“最后更新日期”日期不存在：2024-04-31"));
  }

  @Test
  @DisplayName("an unknown unit is an error naming it; an empty one says it is missing")
  void unknownUnit() {
    TrackedImportPlan plan = csv(TrackedKind.COLUMNS, COLUMNS
        + "县气象局,工作动态,动态,,2024-04-29\n,工作动态,动态,,2024-04-29\n");

    assertThat(plan.errors()).containsExactly(
        new RowProblem(2, "单位“县气象局”不在单位名单中（请核对名称或在bot-config/units.yaml中配置）"),
        new RowProblem(3, "缺少单位名称"));
  }

  @Test
  @DisplayName("two rows for the same item are an error, also when the unit is typed differently")
  void duplicateKey() {
    TrackedImportPlan plan = csv(TrackedKind.COLUMNS, COLUMNS
        + "县水利局,工作动态,动态,,2024-04-29\n水利局,工作 动态,动态,,2024-04-20\n");

    assertThat(plan.errors()).containsExactly(new RowProblem(3, "与第2行的单位和栏目相同，同一项只能有一行"));
    assertThat(plan.items()).isEmpty();
  }

  @Test
  @DisplayName("every bad cell of a row is reported: class, address, date")
  void everyCell() {
    TrackedImportPlan plan = csv(TrackedKind.COLUMNS, COLUMNS + "县水利局,工作动态,要闻动态,ftp://x.cn/,29/4/2024\n");

    assertThat(plan.errors()).containsExactly(
        new RowProblem(2, "“类别”无法识别：要闻动态（应为动态/要闻类、通知公告/政策文件类、人事/规划计划类）"),
        new RowProblem(2, "“网址”不是http或https网址：ftp://x.cn/"),
        new RowProblem(2, "“最后更新日期”不是日期：29/4/2024（应写成2024-04-29、2024/4/29或2024年4月29日）"));
  }

  @Test
  @DisplayName("an address without scheme, a missing required cell and an implausible year are errors")
  void moreCells() {
    TrackedImportPlan plan = csv(TrackedKind.COLUMNS, COLUMNS
        + "县水利局,,动态,www.example.gov.cn,1924-04-29\n县司法局,工作动态,,,\n");

    assertThat(plan.errors()).containsExactly(
        new RowProblem(2, "“栏目”未填写"),
        new RowProblem(2, "“网址”不是http或https网址：www.example.gov.cn"),
        new RowProblem(2, "“最后更新日期”年份不合理：1924-04-29"),
        new RowProblem(3, "“类别”未填写"),
        new RowProblem(3, "“最后更新日期”未填写"));
  }

  @Test
  @DisplayName("a flag other than 是/否 is an error, and an account confirmed closed must be one to close")
  void flags() {
    TrackedImportPlan plan = csv(TrackedKind.ACCOUNTS, """
        单位名称,账号,最后发布日期,是否注销,已确认注销
        县水利局,信丰水利,2024-04-20,待定,
        县司法局,信丰司法,2024-04-20,否,是
        """);

    assertThat(plan.errors()).containsExactly(
        new RowProblem(2, "“是否注销”应填“是”或“否”：待定"),
        new RowProblem(3, "“已确认注销”为是，但“是否注销”不是"));
  }

  @Test
  @DisplayName("a 整改期限 before the 通报日期 is an error")
  void findingDeadline() {
    TrackedImportPlan plan = csv(TrackedKind.FINDINGS,
        "单位名称,类别,问题描述,通报日期,整改期限\n县水利局,政府网站,空白栏目,2024-04-26,2024-04-25\n");

    assertThat(plan.errors()).containsExactly(new RowProblem(2, "“整改期限”2024-04-25早于通报日期2024-04-26"));
  }

  @Test
  @DisplayName("a header without a required column, or with one twice, rejects the file at the header row")
  void header() {
    TrackedImportPlan missing = csv(TrackedKind.LETTERS, "标题\n单位名称,收到日期\n县水利局,2024-04-01\n");
    TrackedImportPlan twice = csv(TrackedKind.TASKS, "任务,单位名称,截止日期,*截止日期\n报送年报,县水利局,2024-01-31,\n");

    assertThat(missing.errors()).containsExactly(new RowProblem(2,
        "表头缺少“来信编号”列（依申请公开表应有：单位名称,来信编号,收到日期,是否延期,已答复）"));
    assertThat(twice.errors()).containsExactly(new RowProblem(1, "表头中“截止日期”列出现了两次"));
  }

  @Test
  @DisplayName("whole-file problems of the shared reader come through: empty body, header only, wrong type")
  void fileProblems() {
    assertThat(csv(TrackedKind.TASKS, "").errors()).containsExactly(new RowProblem(0, "文件是空的"));
    assertThat(csv(TrackedKind.TASKS, "任务,单位名称,截止日期\n").errors())
        .containsExactly(new RowProblem(1, "表头下面没有数据行"));
    assertThat(TrackedFixtures.PARSER.parse(TrackedKind.TASKS, TrackedFixtures.utf8("x"), "application/pdf").errors())
        .containsExactly(new RowProblem(0, "不支持的文件类型，请上传CSV（text/csv）或xlsx文件"));
  }

  @Test
  @DisplayName("beyond 100 errors the rest are summarised in one line")
  void manyErrors() {
    String rows = IntStream.range(0, 150).mapToObj(i -> "任务" + i + ",县气象局,2024-01-31")
        .collect(Collectors.joining("\n"));
    TrackedImportPlan plan = csv(TrackedKind.TASKS, "任务,单位名称,截止日期\n" + rows + "\n");

    assertThat(plan.errors()).hasSize(101);
    assertThat(plan.errors().get(100)).isEqualTo(new RowProblem(0, "另有50处错误未列出"));
  }
}
