package io.zwgk.bot.command;

import io.zwgk.bot.chat.Reply;
import io.zwgk.bot.monitor.MonitorReport;
import io.zwgk.bot.monitor.MonitorReport.ColumnCheck;
import io.zwgk.bot.monitor.MonitorReport.FindingLine;
import io.zwgk.bot.ops.Markdown;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Reply texts of {@code 检查 <单位>}: what one unit's scan found, in plain Chinese. Pure. */
public final class CheckReplies {
  static final int MAX_LISTED = 10;
  private static final String USAGE = "用法：检查 单位，如「检查 水利局」。机器人会立即检查该单位的网站页面和栏目，"
      + "报告不可用链接、无法显示的图片、隐私信息、信息公开指南和错敏字等疑似问题。";

  private CheckReplies() {
  }

  /** The scan's result for one unit. */
  public static String report(String unit, MonitorReport r) {
    StringBuilder out = new StringBuilder("**").append(literal(unit)).append("** 网站检查结果\n");
    if (!r.columns().isEmpty()) {
      out.append("栏目：").append(r.columns().stream().map(CheckReplies::column).collect(Collectors.joining("；")))
          .append('\n');
    }
    if (r.opened().isEmpty()) {
      out.append("未发现新的疑似问题。\n");
    } else {
      out.append("新发现 ").append(r.opened().size()).append(" 个疑似问题：\n").append(list(r.opened()));
    }
    if (!r.seenAgain().isEmpty() || !r.closed().isEmpty()) {
      out.append("仍未整改 ").append(r.seenAgain().size()).append(" 个，已整改自动关闭 ").append(r.closed().size())
          .append(" 个。\n");
    }
    if (!r.problems().isEmpty()) {
      out.append("未能检查 ").append(r.problems().size()).append(" 个页面，如 ").append(literal(r.problems().get(0).url()))
          .append("（").append(literal(r.problems().get(0).problem())).append("）。\n");
    }
    if (r.budgetSpent()) {
      out.append("本次检查的页面数已用完，部分链接未检查。\n");
    }
    return out.append("以上均为系统监测的疑似问题，需人工复核后通报。").toString();
  }

  /** {@code 检查} without a unit. */
  public static String usage() {
    return USAGE;
  }

  /** Another scan is running. */
  public static String busy() {
    return "网站检查正在进行中，请几分钟后再试。";
  }

  /** The scan passed its deadline (crawl.runDeadlineMinutes) and stopped without storing anything. */
  public static String deadline(String unit) {
    return "**" + unit + "** 的网站检查超时未完成，已停止，本次结果未保存。请稍后再试，或请管理员调整 monitor.yaml 的 "
        + "runDeadlineMinutes。";
  }

  /** The unit has neither configured pages nor tracked columns. */
  public static String nothingToScan(String unit) {
    return "**" + literal(unit) + "** 还没有配置要检查的网站页面（monitor.yaml）或跟踪栏目，无法检查。";
  }

  /** The sender is not office staff. */
  public static String officeOnly() {
    return "「检查」只限政务公开办工作人员使用。";
  }

  private static String column(ColumnCheck c) {
    return switch (c.status()) {
      case DATED -> literal(c.column()) + " 最新 " + date(c.newest().orElseThrow());
      case UNDATED -> literal(c.column()) + " 未识别到发布日期";
      case UNREACHABLE -> literal(c.column()) + " 无法访问";
      case SKIPPED -> literal(c.column()) + " 未检查";
    };
  }

  private static String list(List<FindingLine> lines) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.min(lines.size(), MAX_LISTED); i++) {
      FindingLine f = lines.get(i);
      out.append(i + 1).append(". ").append(literal(f.category())).append("：").append(literal(f.text()))
          .append("（").append(literal(f.excerpt())).append("）\n");
    }
    if (lines.size() > MAX_LISTED) {
      out.append("……另有 ").append(lines.size() - MAX_LISTED).append(" 个，可在管理接口 /api/v1/findings 查看。\n");
    }
    return out.toString();
  }

  private static String literal(String text) {
    return Markdown.literal(text);
  }

  private static String date(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }
}
