package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.monitor.MonitorReport;
import io.zwgk.bot.monitor.MonitorReport.ColumnCheck;
import io.zwgk.bot.monitor.MonitorReport.ColumnStatus;
import io.zwgk.bot.monitor.MonitorReport.FindingLine;
import io.zwgk.bot.monitor.MonitorReport.PageProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
  private static final Instant AT = Instant.parse("2024-05-06T02:00:00Z");
  private static final FindingLine DEAD = new FindingLine("12", "县水利局", "疑似不可用链接",
      "http://www.xinfeng.gov.cn/slj/dead.html", "http://www.xinfeng.gov.cn/slj/index.html", "链接“往年计划”：HTTP 404");

  private static MonitorReport report(List<FindingLine> opened, List<FindingLine> again, List<FindingLine> closed,
      List<PageProblem> problems) {
    return new MonitorReport(Optional.of("县水利局"), AT, AT, 20, false, Map.of(), List.of(
        new ColumnCheck("1", "县水利局", "工作动态", "http://x/list.html", ColumnStatus.DATED,
            Optional.of(LocalDate.of(2024, 3, 1)), LocalDate.of(2024, 1, 2), ""),
        new ColumnCheck("2", "县水利局", "通知公告", "http://x/n.html", ColumnStatus.UNDATED, Optional.empty(),
            LocalDate.of(2024, 1, 2), "列表中未找到发布日期")), opened, again, closed, problems);
  }

  @Test
  @DisplayName("检查 with a unit, in its usual spellings, is a check of that unit; without one it is the usage")
  void parse() {
    assertThat(CommandParser.parse("@政务公开助手 检查 水利局")).isEqualTo(new Command.Check("水利局"));
    assertThat(CommandParser.parse("检查水利局")).isEqualTo(new Command.Check("水利局"));
    assertThat(CommandParser.parse("网站检查：县水利局。")).isEqualTo(new Command.Check("县水利局"));
    assertThat(CommandParser.parse("检查网站 大阿镇")).isEqualTo(new Command.Check("大阿镇"));
    assertThat(CommandParser.parse("检查")).isEqualTo(new Command.CheckUsage());
    assertThat(CommandParser.parse(" 检查 ：")).isEqualTo(new Command.CheckUsage());
    assertThat(CommandParser.parse("完成率 水利局")).isEqualTo(Command.Completion.of("水利局"));
  }

  @Test
  @DisplayName("the reply lists the columns' dates, the new suspected problems with evidence, and what was closed; "
      + "addresses found on crawled pages are shown, not linked")
  void reply() {
    String text = CheckReplies.report("县水利局", report(List.of(DEAD), List.of(DEAD), List.of(),
        List.of(new PageProblem("县水利局", "http://x/slow.html", "无法访问：请求超时"))));

    assertThat(text).isEqualTo("""
        **县水利局** 网站检查结果
        栏目：工作动态 最新 2024年3月1日；通知公告 未识别到发布日期
        新发现 1 个疑似问题：
        1. 疑似不可用链接：http：//www．xinfeng.gov.cn/slj/dead.html（链接“往年计划”：HTTP 404）
        仍未整改 1 个，已整改自动关闭 0 个。
        未能检查 1 个页面，如 http：//x/slow.html（无法访问：请求超时）。
        以上均为系统监测的疑似问题，需人工复核后通报。""");
  }

  @Test
  @DisplayName("a clean unit says nothing new was found; a long list is cut with a pointer to the API")
  void cleanAndLong() {
    assertThat(CheckReplies.report("县水利局", report(List.of(), List.of(), List.of(), List.of())))
        .contains("未发现新的疑似问题。").doesNotContain("仍未整改");
    List<FindingLine> many = IntStream.range(0, 12).mapToObj(i -> DEAD).toList();
    String text = CheckReplies.report("县水利局", report(many, List.of(), Collections.nCopies(2, DEAD), List.of()));
    assertThat(text).contains("新发现 12 个", "10. 疑似不可用链接", "……另有 2 个", "已整改自动关闭 2 个")
        .doesNotContain("11. ");
    assertThat(CheckReplies.usage()).contains("检查 水利局");
  }
}
