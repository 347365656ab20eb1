package io.zwgk.bot.imports;

import io.zwgk.bot.remind.TrackedImportResult;
import io.zwgk.bot.remind.TrackedPreview;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.ImportChanges;
import io.zwgk.bot.stats.ImportResult;
import io.zwgk.bot.stats.RowProblem;
import io.zwgk.bot.stats.StatsPreview;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/** The robot's words about a file sent to it: previews, confirmations and refusals, in plain Chinese. */
final class ImportTexts {
  static final String CONFIRM = "确认导入";
  static final String CANCEL = "取消";
  private static final String GB18030 = "GB18030";

  private ImportTexts() {}

  static String preview(String name, StatsPreview preview) {
    StringBuilder sb = new StringBuilder("收到文件「" + name + "」：月度统计表\n");
    sb.append("月份：").append(preview.period().map(ImportTexts::month).orElse("未识别")).append('\n');
    List<Category> categories = preview.categories();
    if (!categories.isEmpty()) {
      sb.append("类别：").append(categories.stream().map(Category::label).collect(Collectors.joining("、")))
          .append('\n');
    }
    if (GB18030.equals(preview.plan().encoding())) {
      sb.append("编码：GB18030（GBK）\n");
    }
    appendCounts(sb, preview.plan().rows().size(), preview.changes(), preview.plan().errors().isEmpty());
    appendProblems(sb, preview.plan().warnings(), preview.plan().errors());
    if (preview.plan().ok() && preview.period().isEmpty()) {
      sb.append("未能从文件名、标题行或“月份”单元格认出月份，文件未暂存。请把文件名改为如「2024-04-县直单位.xlsx」后重新发送。");
    }
    return sb.toString().strip();
  }

  static String preview(String name, TrackedPreview preview) {
    StringBuilder sb = new StringBuilder("收到文件「" + name + "」：" + preview.plan().kind().label() + "台账\n");
    appendCounts(sb, preview.plan().items().size(), preview.changes(), preview.plan().errors().isEmpty());
    appendProblems(sb, preview.plan().warnings(), preview.plan().errors());
    return sb.toString().strip();
  }

  private static void appendCounts(StringBuilder sb, int rows, ImportChanges changes, boolean ok) {
    if (!ok) {
      return;
    }
    sb.append("共").append(rows).append("行：新增").append(changes.created()).append("行，更新")
        .append(changes.changed()).append("行，不变").append(changes.unchanged()).append("行\n");
  }

  private static void appendProblems(StringBuilder sb, List<RowProblem> warnings, List<RowProblem> errors) {
    if (!warnings.isEmpty()) {
      sb.append("提醒").append(warnings.size()).append("条：\n").append(lines(warnings)).append('\n');
    }
    if (!errors.isEmpty()) {
      sb.append("错误").append(errors.size()).append("条，文件未暂存，请修改后重新发送：\n").append(lines(errors))
          .append('\n');
    }
  }

  static String confirmHint(boolean replaced) {
    return "\n\n回复「" + CONFIRM + "」导入，回复「" + CANCEL + "」放弃；" + ChatImports.WINDOW.toMinutes()
        + "分钟内有效，确认前不保存任何数据。" + (replaced ? "\n（此前发送、尚未确认的文件已作废。）" : "");
  }

  static String imported(ImportResult result) {
    return "已导入" + month(result.period()) + "统计数据" + result.rows() + "行。"
        + (result.warnings().isEmpty() ? "" : "\n提醒" + result.warnings().size() + "条：\n" + lines(result.warnings()));
  }

  static String imported(TrackedImportResult result) {
    return "已导入" + result.kind().label() + "台账" + result.rows() + "项（新增" + result.created() + "项）。"
        + (result.warnings().isEmpty() ? "" : "\n提醒" + result.warnings().size() + "条：\n" + lines(result.warnings()));
  }

  static String rejected(String name, List<RowProblem> errors) {
    return "文件「" + name + "」未导入，没有保存任何数据：\n" + lines(errors);
  }

  static String unsupported(String name) {
    return "文件「" + name + "」不是 .xlsx 或 .csv 表格，无法导入。Excel 的 .xls 文件请另存为 .xlsx 后发送。";
  }

  static String tooLarge(String name, long maxBytes) {
    return "文件「" + name + "」超过" + maxBytes / (1024 * 1024) + "MB，无法导入，请拆分后分批发送。";
  }

  static String notDownloaded(String name) {
    return "文件「" + name + "」下载失败，请稍后重新发送。";
  }

  static String unrecognised(String name) {
    return "没有认出文件「" + name + "」是哪种表格，未保存任何数据。\n"
        + "月度统计表的表头应有：单位名称、本年度任务数、已发布总数、本月发布条数；"
        + "台账表（网站栏目、政务新媒体、工作任务、政府开放日、政策解读、依申请公开、整改问题）的表头见管理接口说明。";
  }

  static String nothingPending() {
    return "您没有待确认的导入文件。请先把表格文件发给我（" + ChatImports.WINDOW.toMinutes() + "分钟内确认有效）。";
  }

  static String expired(String name) {
    return "文件「" + name + "」已超过" + ChatImports.WINDOW.toMinutes() + "分钟未确认，已作废，请重新发送。";
  }

  static String cancelled(String name) {
    return "已取消导入文件「" + name + "」，没有保存任何数据。";
  }

  static String busy(String then) {
    return "正在导入其他表格，" + then + "。";
  }

  private static String lines(List<RowProblem> problems) {
    return problems.stream().map(p -> p.row() > 0 ? "第" + p.row() + "行：" + p.message() : p.message())
        .collect(Collectors.joining("\n"));
  }

  private static String month(YearMonth period) {
    return period.getYear() + "年" + period.getMonthValue() + "月";
  }
}
