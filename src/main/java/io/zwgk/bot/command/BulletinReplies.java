package io.zwgk.bot.command;

import io.zwgk.bot.bulletin.Bulletin;
import io.zwgk.bot.bulletin.BulletinNumberTakenException;
import io.zwgk.bot.bulletin.BulletinPublishedException;
import io.zwgk.bot.bulletin.CorrectionResult;
import io.zwgk.bot.bulletin.IssueDateException;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.NarrativeItem;
import io.zwgk.bot.bulletin.PreviewResult;
import io.zwgk.bot.bulletin.Publication;
import io.zwgk.bot.bulletin.PublishResult;
import io.zwgk.bot.chat.Reply;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.stats.Periods;
import io.zwgk.bot.stats.UnitNames;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reply texts for the {@code 月报 …} commands, in the style of {@link Replies}: short plain Chinese, {@code **bold**}
 * and line breaks only. Pure functions of their arguments. The bulletin itself goes to groups through the outbox;
 * these replies only say what happened.
 */
public final class BulletinReplies {
  private static final int MAX_SHOWN = 40;
  private static final Pattern MONTH_VERB = Pattern.compile("^(预览|草稿|发布|印发|列表|清单|查看)\\s*\\d.*$");
  private static final String DATE_RULE = "签发日期写在月份后，如「月报 发布 2024-04 2024-05-06」或「月报 发布 2024-04 5月6日」。";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  static final String USAGE = """
      月报命令(仅限县政务公开办工作人员):
      月报 预览 [2024-04] [签发日期]：生成草稿发到政务公开办群，列出缺少的内容
      月报 发布 [2024-04] [签发日期]：发送到各工作群(只发一次)，并生成整改事项；签发日期如 2024-05-06 或 5月6日，不写为今天
      月报 期号 [2024-04] 4：把月报定为第4期(不写则按本年已发布的期数顺延)
      月报 更正 [2024-04] 文字：月报发布后发出更正，发到原来收到月报的群
      月报 添加 栏目 文字：补充内容，如「月报 添加 工作动态 4月9日，…」「月报 添加 存在问题 栏目更新不及时。…」
      月报 列表 [2024-04]：查看已补充的内容和编号
      月报 删除 编号：删除一条补充内容
      月报 数量 网络问政 7：录入网络问政信件数
      不写月份时：每月1日至10日指上个月，其余日子指本月。""";

  private BulletinReplies() {
  }

  /** {@code 月报 预览}: where the draft went and what it lacks. */
  public static String previewed(PreviewResult p) {
    Bulletin b = p.bulletin();
    StringBuilder out = new StringBuilder(p.groups() == 0
        ? "没有配置政务公开办群(chat.yaml 中 office: true)，" + month(b.period()) + "月报草稿未发送。"
        : "已把" + month(b.period()) + "月报草稿发到政务公开办群(" + p.groups() + " 个)。");
    b.missing().forEach(m -> out.append('\n').append(Markdown.literal(m)));
    b.notes().forEach(n -> out.append('\n').append(Markdown.literal(n)));
    out.append('\n').append(b.number() > 0 ? "将印为第" + b.number() + "期，" : "").append("签发日期 ")
        .append(day(b.issueDate())).append("。");
    out.append('\n').append(p.findings().isEmpty() ? "发布后不会新增整改事项。"
        : "发布后将新增整改事项 " + p.findings().size() + " 条。");
    return out.append("\n确认无误后发送「月报 发布 ").append(b.period()).append("」。").toString();
  }

  /** {@code 月报 发布}: published now, published before (when and by whom), or what is missing. */
  public static String published(PublishResult r, ZoneId zone) {
    Bulletin b = r.bulletin();
    return switch (r.outcome()) {
      case PUBLISHED -> "**" + Markdown.literal(b.title()) + "**" + (b.number() > 0 ? "(第" + b.number() + "期)" : "")
          + "已发布到 " + r.groups() + " 个工作群，印发日期 " + day(b.issueDate())
          + "。\n新增整改事项 " + r.findingsCreated() + " 条，整改期限 " + day(b.rectificationDeadline()) + "。";
      case ALREADY_PUBLISHED -> alreadyPublished(b.publication().orElseThrow(), b.title(), zone)
          + (r.groups() == 0 ? "本次未重复发送。" : "已补发给此前未收到的 " + r.groups() + " 个工作群。");
      case INCOMPLETE -> month(b.period()) + "月报还不能发布：\n" + String.join("\n", b.missing().stream().map(Markdown::literal).toList())
          + "\n补齐后再发送「月报 发布 " + b.period() + "」。";
      case NO_BROADCAST_GROUP -> noBroadcastGroup(b.period());
    };
  }

  /** Publishing refused: no group would receive the bulletin. */
  public static String noBroadcastGroup(YearMonth period) {
    return month(period) + "月报没有发布：还没有接收月报的工作群，发布了也没有人能收到。请在 bot-config/chat.yaml 中给要接收"
        + "月报的群加上「broadcast: true」，重启后再发送「月报 发布 " + period + "」。";
  }

  /** A change to a month that is already published. */
  public static String locked(BulletinPublishedException e, ZoneId zone) {
    return alreadyPublished(e.publication(), month(e.period()) + "月报", zone) + "不能再修改。";
  }

  private static String alreadyPublished(Publication p, String what, ZoneId zone) {
    return what + "已于" + day(p.publishedAt().atZone(zone).toLocalDate()) + " "
        + TIME.format(p.publishedAt().atZone(zone)) + " 由" + Markdown.literal(p.who()) + "发布，";
  }

  /** An issue date out of range: the month's end to the furthest day ahead. */
  public static String issueDateRefused(IssueDateException e) {
    return "不能用" + day(e.date()) + "作为" + month(e.period()) + "月报的签发日期：" + (e.early()
        ? "早于" + month(e.period()) + "月底。" : "离今天太远。") + "签发日期应在" + day(e.earliest()) + "至"
        + day(e.latest()) + "之间，不写则为今天。";
  }

  /** A typed issue date that does not exist in the year it falls in. */
  public static String noSuchDay(IssueDay day, YearMonth period) {
    return "没有" + day.shown() + "这一天(" + month(period) + "月报)。" + DATE_RULE;
  }

  /** {@code 月报 期号}: the number as set. */
  public static String numberSet(YearMonth period, int number) {
    return month(period) + "月报将印为第" + number + "期。发送「月报 预览 " + period + "」查看效果。";
  }

  /** {@code 月报 期号} with a number out of range. */
  public static String badNumber() {
    return "期号应为1至" + BulletinService.MAX_NUMBER + "，如「月报 期号 2024-04 4」。";
  }

  /** {@code 月报 期号} or {@code 月报 发布} with a number a published bulletin of the year has. */
  public static String numberTaken(BulletinNumberTakenException e) {
    return "第" + e.number() + "期已用于" + month(e.holder()) + "月报，请换一个期号(「月报 期号 N」)。";
  }

  /** {@code 月报 更正}: sent, the same correction again, or the month is not published. */
  public static String corrected(CorrectionResult r) {
    String month = month(r.period()) + "月报";
    return switch (r.outcome()) {
      case SENT -> "已向 " + r.groups() + " 个工作群发出" + month + "的" + r.correction().orElseThrow().heading()
          + "。原月报保持发布时的内容，更正附在全文之后。";
      case REPEATED -> month + "已于" + day(r.correction().orElseThrow().day()) + "发出内容相同的"
          + r.correction().orElseThrow().heading() + "，" + (r.groups() == 0 ? "本次未重复发送。"
              : "已补发给此前未收到的 " + r.groups() + " 个工作群。");
      case NOT_PUBLISHED -> month + "还没有发布，不能更正。发布前可直接修改草稿(「月报 添加」「月报 删除」)。";
    };
  }

  /** {@code 月报 更正} with a text that is too long. */
  public static String badCorrection() {
    return "更正内容不能超过" + BulletinService.MAX_TEXT + "字。";
  }

  /** {@code 月报 添加}: the item's 编号 and how to remove it. */
  public static String added(YearMonth period, NarrativeItem item) {
    return "已添加到" + month(period) + "月报[" + Markdown.literal(item.section()) + "]，编号 " + Markdown.literal(item.id()) + "。\n发送「月报 删除 "
        + Markdown.literal(item.id()) + "」可删除，发送「月报 预览」查看效果。";
  }

  /** {@code 月报 列表}: every item with its 编号, 栏目 and the start of its text. */
  public static String listed(YearMonth period, List<NarrativeItem> items) {
    if (items.isEmpty()) {
      return month(period) + "月报还没有补充内容。发送「月报 添加 栏目 文字」添加。";
    }
    StringBuilder out = new StringBuilder("**" + month(period) + "月报补充内容**(" + items.size() + " 条)");
    items.forEach(i -> out.append('\n').append(Markdown.literal(i.id())).append(" [").append(Markdown.literal(i.section())).append("] ")
        .append(shorten(i.text())));
    return out.append("\n删除发送「月报 删除 编号」。").toString();
  }

  /** {@code 月报 删除}: what was removed, or that no item has that 编号. */
  public static String removed(String id, Optional<NarrativeItem> item) {
    return item.map(i -> "已删除编号 " + Markdown.literal(id) + "：[" + Markdown.literal(i.section()) + "] " + shorten(i.text()))
        .orElse("没有编号为 " + Markdown.literal(id) + " 的月报内容。发送「月报 列表」查看编号。");
  }

  /** {@code 月报 数量}: the count as recorded. */
  public static String countSet(YearMonth period, String name, int value) {
    return "已录入" + month(period) + name + "信件 " + value + " 件。";
  }

  /** {@code 月报 数量} with a name the bulletin does not use. */
  public static String unknownCount(String name) {
    return "不能录入「" + shorten(name) + "」。可录入的数量：" + String.join("、",
        BulletinService.COUNT_NAMES.stream().sorted().toList()) + "，如「月报 数量 网络问政 7」。";
  }

  /** {@code 月报} with missing or unreadable arguments; an unreadable month is answered with the month rule. */
  public static String usage(Command.BulletinUsage u) {
    String head = u.arguments().isBlank() ? "" : "没看懂「月报 " + shorten(u.arguments()) + "」。\n";
    if (MONTH_VERB.matcher(u.arguments()).matches()) {
      head += Periods.MESSAGE + "\n" + (u.arguments().matches("^(预览|草稿|发布|印发).*") ? DATE_RULE + "\n" : "");
    }
    return head + USAGE;
  }

  private static String month(YearMonth p) {
    return p.getYear() + "年" + p.getMonthValue() + "月";
  }

  private static String day(LocalDate d) {
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  private static String shorten(String text) {
    String flat = Markdown.literal(text.replace("*", ""));
    return UnitNames.length(flat) <= MAX_SHOWN ? flat : flat.substring(0, flat.offsetByCodePoints(0, MAX_SHOWN)) + "…";
  }
}
