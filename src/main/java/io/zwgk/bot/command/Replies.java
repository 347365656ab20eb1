package io.zwgk.bot.command;

import io.zwgk.bot.chat.Reply;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import io.zwgk.bot.stats.UnitStats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reply texts for every command: short plain Chinese with exact figures, using only {@code **bold**} and line breaks.
 * Pure functions of their arguments. Every piece of user or imported text (echoed arguments, unit names) passes
 * through {@link Markdown#literal}.
 */
public final class Replies {
  private static final int BOTTOM = 5;
  private static final int MAX_CANDIDATES = 10;
  private static final int MAX_ECHO = 20;
  private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五"};
  private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
  private static final String WORKDAYS_USAGE = "用法：工作日 起算日期 天数，如「工作日 2024-04-30 5」，日期也可写成 2024/4/30"
      + " 或 2024年4月30日；天数为 1 到 " + WorkCalendar.MAX_QUERY_DAYS + "。起算当日不计，从下一个工作日算第 1 天。";

  private Replies() {}

  /** {@code 完成率}: one unit's ratio, month count, rank, time-schedule gap and monthly need. */
  public static String completion(UnitStats s, PeriodStats p) {
    int month = p.period().getMonthValue();
    Progress progress = Progress.of(s, month);
    StringBuilder out = new StringBuilder()
        .append("**").append(literal(s.unit())).append("** ").append(period(p.period()))
        .append("完成率 **").append(percent(s.ratio())).append("**\n")
        .append("累计 ").append(s.total()).append('/').append(s.task()).append(" 条，")
        .append(month).append("月发布 ").append(s.month()).append(" 条\n");
    int rank = p.rankOf(s.unit());
    if (rank > 0) {
      out.append(s.category().label()).append("第 ").append(rank).append('/').append(p.count(s.category()))
          .append(" 名\n");
    }
    return out.append(scheduleLine(progress)).append('\n').append(annualLine(progress)).toString();
  }

  private static String scheduleLine(Progress progress) {
    String head = "时序进度 " + percent(progress.schedule()) + "（应发 " + progress.scheduledItems() + " 条），";
    int gap = progress.itemGap();
    if (gap == 0) {
      return head + "已达到时序进度";
    }
    String points = progress.pointGap().abs().toPlainString();
    return head + (gap < 0 ? "落后 " : "超前 ") + Math.abs(gap) + " 条、" + points + " 个百分点";
  }

  private static String annualLine(Progress progress) {
    if (progress.missing() == 0) {
      return "已完成全年任务";
    }
    if (progress.monthsLeft() == 0) {
      return "全年任务还差 " + progress.missing() + " 条";
    }
    return "全年还差 " + progress.missing() + " 条，剩余 " + progress.monthsLeft() + " 个月每月需发 "
        + progress.perMonthNeeded() + " 条";
  }

  /** {@code 排名}: one category's list, or both (county departments first), ratio descending. */
  public static String ranking(PeriodStats p, Optional<Category> c) {
    List<Category> categories = c.map(List::of).orElse(List.of(Category.COUNTY_DEPT, Category.TOWNSHIP));
    return categories.stream().map(cat -> rankingOf(p, cat)).collect(Collectors.joining("\n\n"));
  }

  private static String rankingOf(PeriodStats p, Category category) {
    String title = "**" + period(p.period()) + category.label() + "完成率排名**";
    List<UnitStats> ranked = p.ranked(category);
    return ranked.isEmpty() ? title + "\n暂无数据" : title + "\n" + numbered(ranked);
  }

  /** {@code 末五位}: the five county departments with the lowest ratio, lowest first. */
  public static String bottomFive(PeriodStats p) {
    List<UnitStats> bottom = p.bottom(Category.COUNTY_DEPT, BOTTOM);
    String title = "**" + period(p.period()) + "县直单位末" + NUMERALS[bottom.size()] + "位**（完成率由低到高）";
    return bottom.isEmpty() ? title + "\n暂无数据" : title + "\n" + numbered(bottom);
  }

  private static String numbered(List<UnitStats> rows) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < rows.size(); i++) {
      UnitStats row = rows.get(i);
      out.append(i == 0 ? "" : "\n").append(i + 1).append('、').append(literal(row.unit())).append(' ')
          .append(percent(row.ratio()));
    }
    return out.toString();
  }

  /** {@code 帮助}: every command with an example. */
  public static String help() {
    return CommandTable.help();
  }

  /** The answer to anything unrecognised or empty: a few examples and a pointer to {@code 帮助}. */
  public static String shortHelp(String unrecognised) {
    String echo = echo(unrecognised);
    String head = echo.isEmpty() ? "" : "没看懂「" + echo + "」。";
    return head + "可以试试：完成率 水利局、排名、末五位、概况、绑定 单位；发送「帮助」查看全部命令。";
  }

  /** {@code 工作日}: the deadline with its weekday, and a note when the holiday schedule of its year is not known. */
  public static String workdays(LocalDate start, int n, WorkCalendar.Deadline d) {
    String text = day(start) + "起 " + n + " 个工作日，截止 " + day(d.date()) + "（"
        + WEEKDAYS[d.date().getDayOfWeek().getValue() - 1] + "）";
    return d.estimated() ? text + "\n" + d.date().getYear() + "年节假日安排尚未公布，按周一至周五估算" : text;
  }

  /** {@code 工作日} without usable arguments: what is wrong, then the format. */
  public static String workdaysUsage(Command.WorkdaysUsage u) {
    String head = switch (u.problem()) {
      case MISSING_ARGUMENTS -> "请写出起算日期和工作日天数。";
      case MISSING_COUNT -> "缺少工作日天数。";
      case UNREADABLE -> "没看懂「" + echo(u.arguments()) + "」。";
      case NO_SUCH_DATE -> "「" + echo(u.arguments()) + "」中的日期不存在。";
      case YEAR_OUT_OF_RANGE -> "年份须在 " + WorkCalendar.MIN_QUERY_YEAR + " 到 " + WorkCalendar.MAX_QUERY_YEAR + " 之间。";
      case COUNT_OUT_OF_RANGE -> "工作日天数须在 1 到 " + WorkCalendar.MAX_QUERY_DAYS + " 之间。";
    };
    return head + "\n" + WORKDAYS_USAGE;
  }

  /** The unit name matched several units. */
  public static String ambiguous(Resolution.Ambiguous a) {
    List<Unit> candidates = a.candidates();
    String names = candidates.stream().limit(MAX_CANDIDATES).map(Unit::name).map(Markdown::literal).collect(Collectors.joining("、"));
    String more = candidates.size() > MAX_CANDIDATES ? "等 " + candidates.size() + " 个" : "";
    return "「" + echo(a.query()) + "」对应多个单位：" + names + more + "\n请写出更完整的单位名称。";
  }

  /** No unit matched; names the closest units when there are any. */
  public static String notFound(Resolution.NotFound n) {
    String head = "没有找到单位「" + echo(n.query()) + "」。";
    if (n.suggestions().isEmpty()) {
      return head + "请写单位全称，如「县水利局」「大阿镇政府」；发送「排名」可查看全部单位。";
    }
    return head + "您要找的是不是：" + n.suggestions().stream().map(Markdown::literal).collect(Collectors.joining("、"))
        + "？";
  }

  /** An office-only command ({@code 月报 …}) from someone who is not 政务公开办 staff. */
  public static String officeOnly() {
    return "抱歉，月报的预览、发布和编辑仅限县政务公开办工作人员使用。如需补充月报内容，请联系县政务公开办。";
  }

  /** No figures are loaded for the month asked about. */
  public static String noData() {
    return "暂无统计数据，请等数据导入后再查询。";
  }

  /** A month was asked about that has no figures: which months have (newest first, at most twelve). */
  public static String noSuchMonth(String asked, List<YearMonth> available) {
    List<YearMonth> newest = available.stream().sorted(Comparator.reverseOrder()).limit(12).toList();
    String months = newest.stream().map(Replies::period)
        .collect(Collectors.joining("、"));
    return "没有" + asked + "的统计数据。已有数据的月份：" + months + (available.size() > newest.size() ? " 等" : "")
        + "。例如「完成率 水利局 " + newest.get(0).getMonthValue() + "月」。";
  }

  /** {@code 完成率} without a unit from a sender who has no binding. */
  public static String needBinding() {
    return "您还没有绑定单位。请先发送「绑定 单位」，如「绑定 水利局」；或直接发送「完成率 单位」。";
  }

  /** {@code 绑定} succeeded. */
  public static String bound(Unit u) {
    return "已绑定 **" + literal(u.name()) + "**。以后发送「完成率」即可查询本单位。";
  }

  /** {@code 解绑}: confirms, or says there was nothing to remove. */
  public static String unbound(boolean wasBound) {
    return wasBound ? "已解除绑定。" : "您还没有绑定单位，无需解绑。";
  }

  /** The unit is known but the month's tables have no row for it. */
  public static String unitHasNoRow(Unit u, YearMonth p) {
    return "**" + literal(u.name()) + "** 在" + period(p) + "统计表中没有数据。";
  }

  private static String period(YearMonth p) {
    return MonthQuery.Months.label(p);
  }

  private static String day(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  private static String percent(BigDecimal ratio) {
    return ratio.toPlainString() + "%";
  }

  private static String literal(String text) {
    return Markdown.literal(text);
  }

  private static String echo(String text) {
    String clean = literal(text == null ? "" : text.replace("*", ""));
    if (UnitNames.length(clean) <= MAX_ECHO) {
      return clean;
    }
    return clean.substring(0, clean.offsetByCodePoints(0, MAX_ECHO)) + "…";
  }
}
