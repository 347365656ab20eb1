package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.access.Action;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every chat command, declared once: its words and aliases, its grammar, who may use it (the {@link Action} it
 * performs), its help line and example, its reply title and its handler. Parsing ({@link CommandParser}), dispatch,
 * role checks and metrics ({@link CommandService}) and {@code 帮助} ({@link #help()}) are derived from it.
 *
 * <p>A new command: a record in {@link Command}, a {@link CommandSpec} in its family here (or a new family), a
 * handler method in one of the {@link Handlers}. EveryCommandIT then fails until its example parses and is answered.
 */
final class CommandTable {
  private static final String ASSISTANT = "政务公开助手";
  private static final String OFFICE_USE = "县政务公开办使用";

  /** The families in help order; see {@link CommandParser#parse} for how a text finds its family. */
  static final List<CommandFamily> FAMILIES = List.of(
      family(List.of("完成率", "完成情况", "我的完成率"), (t, w) -> CommandParser.completion(t),
          spec(Command.Completion.class, "完成率", Action.QUERY,
              "完成率 单位：查单位完成率，如「完成率 水利局」\n完成率 或 我的完成率：查本人绑定的单位", "完成率 水利局",
              (h, c, a) -> h.stats().completion(c, a))),
      family(List.of("排名", "排行榜", "排行"), (t, w) -> CommandParser.ranking(t),
          spec(Command.Ranking.class, "排名", Action.QUERY,
              "排名：县直单位和乡镇完成率排名；只看一类发「排名 乡镇」或「排名 县直单位」", "排名 乡镇",
              (h, c, a) -> h.stats().ranking(c))),
      family(List.of("末五位", "末五名", "后五位", "后五名", "倒数五位", "倒数五名", "末5位", "末5名", "后5位", "后5名", "倒数5名"),
          CommandParser::bottomFive,
          spec(Command.BottomFive.class, "末五位", Action.QUERY, "末五位：县直单位完成率末五位", "末五位",
              (h, c, a) -> h.stats().bottomFive(c))),
      family(List.of("概况", "信息发布情况", "发布情况", "总体情况"), CommandParser::overview,
          spec(Command.Overview.class, "概况", Action.QUERY,
              "概况：本月信息发布情况\n以上四项可在末尾加月份查往月，如「完成率 水利局 3月」「排名 乡镇 上月」「末五位 2024-03」", "概况",
              (h, c, a) -> h.stats().overview(c))),
      family(List.of("绑定"), (t, w) -> CommandParser.bind(t),
          spec(Command.Bind.class, ASSISTANT, Action.BIND, "绑定 单位：绑定本人所在单位，如「绑定 大阿镇」", "绑定 大阿镇",
              (h, c, a) -> h.stats().bind(c, a))),
      family(List.of("解绑", "解除绑定", "取消绑定"), (t, w) -> CommandParser.exact(t, w, Command.Unbind::new),
          spec(Command.Unbind.class, ASSISTANT, Action.BIND, "解绑：取消绑定", "解绑", (h, c, a) -> h.stats().unbind(a))),
      family(List.of("工作日"), (t, w) -> WorkdaysParser.parse(t),
          spec(Command.Workdays.class, "工作日", Action.QUERY, "工作日 日期 天数：算截止日，如「工作日 2024-04-30 5」",
              "工作日 2024-04-30 5", (h, c, a) -> h.stats().workdays(c)),
          spec(Command.WorkdaysUsage.class, "工作日", Action.QUERY, "", "工作日 明天",
              (h, c, a) -> Future.succeededFuture(Replies.workdaysUsage(c)))),
      family(List.of("待办", "我的待办", "待办事项", "截止", "截止日期", "到期"),
          (t, w) -> CommandParser.exact(t, w, () -> new Command.Todo(false)),
          spec(Command.Todo.class, ASSISTANT, Action.VIEW_OWN_ITEMS, "待办 / 逾期：本单位要办的事和已逾期的事", "待办",
              (h, c, a) -> h.reminders().todo(c, a))),
      family(List.of("逾期", "逾期事项", "我的逾期"), (t, w) -> CommandParser.exact(t, w, () -> new Command.Todo(true)),
          spec(Command.Todo.class, ASSISTANT, Action.VIEW_OWN_ITEMS, "", "逾期", (h, c, a) -> h.reminders().todo(c, a))),
      family(List.of("问题", "我的问题", "存在问题", "整改问题"), (t, w) -> CommandParser.exact(t, w, Command.Findings::new),
          spec(Command.Findings.class, ASSISTANT, Action.VIEW_OWN_ITEMS, "问题：本单位未销号的整改问题", "问题",
              (h, c, a) -> h.reminders().findings(a))),
      family(List.of("整改"), (t, w) -> ReminderCommandParser.rectify(t),
          spec(Command.Rectify.class, ASSISTANT, Action.RECTIFY, "整改 编号 说明：回复整改情况，如「整改 12 已更换图片」",
              "整改 12 已更换图片", (h, c, a) -> h.reminders().rectify(c, a)),
          usage("整改")),
      family(List.of("完成"), (t, w) -> ReminderCommandParser.complete(t),
          spec(Command.Complete.class, ASSISTANT, Action.REPORT_PROGRESS, "完成 任务：报告任务完成，如「完成 标准目录」",
              "完成 标准目录", (h, c, a) -> h.reminders().complete(c, a)),
          usage("完成")),
      family(List.of("栏目"), (t, w) -> ReminderCommandParser.columnUpdated(t),
          spec(Command.ColumnUpdated.class, ASSISTANT, Action.REPORT_PROGRESS, "栏目 已更新 栏目名：如「栏目 已更新 工作动态」",
              "栏目 已更新 工作动态", (h, c, a) -> h.reminders().columnUpdated(c, a)),
          usage("栏目 已更新")),
      family(List.of("注销"), (t, w) -> ReminderCommandParser.accountClosed(t),
          spec(Command.AccountClosed.class, ASSISTANT, Action.REPORT_PROGRESS,
              "注销 已完成 账号：确认政务新媒体账号已注销（请附截图）", "注销 已完成 高新区发布",
              (h, c, a) -> h.reminders().accountClosed(c, a)),
          usage("注销 已完成")),
      family(List.of("收到", "已收到", "收到了", "好的收到"), (t, w) -> CommandParser.exact(t, w, Command.Ack::new),
          spec(Command.Ack.class, ASSISTANT, Action.REPORT_PROGRESS, "收到：确认今天的提醒", "收到",
              (h, c, a) -> h.reminders().acknowledge(a))),
      family(List.of("复核"), (t, w) -> ReminderCommandParser.review(t),
          spec(Command.Review.class, ASSISTANT, Action.REVIEW, "复核 编号 通过/退回 原因：复核单位的整改",
              "复核 12 退回 照片仍不显示", (h, c, a) -> h.reminders().review(c, a)),
          usage("复核")),
      family(List.of("暂停提醒"), (t, w) -> ReminderCommandParser.snooze(t),
          spec(Command.Snooze.class, ASSISTANT, Action.SNOOZE, "暂停提醒 编号 天数：暂停某事项的提醒", "暂停提醒 12 3",
              (h, c, a) -> h.reminders().snooze(c, a)),
          usage("暂停提醒")),
      family(List.of("检查"), (t, w) -> CheckParser.parse(t), CheckReplies.officeOnly(),
          spec(Command.Check.class, ASSISTANT, Action.RUN_CHECK, "检查 单位：立即检查单位网站", "检查 水利局",
              (h, c, a) -> h.checks().check(c, a)),
          spec(Command.CheckUsage.class, ASSISTANT, Action.QUERY, "", "检查",
              (h, c, a) -> Future.succeededFuture(CheckReplies.usage()))),
      family(List.of("确认导入"), (t, w) -> CommandParser.exact(t, w, Command.ImportConfirm::new),
          ImportCommands.STAFF_ONLY,
          spec(Command.ImportConfirm.class, ASSISTANT, Action.IMPORT,
              "发送表格文件给我（单聊）：预览后回复「确认导入」导入，或「取消」放弃", "确认导入",
              (h, c, a) -> h.imports().confirm(a))),
      family(List.of("取消", "取消导入"), (t, w) -> CommandParser.exact(t, w, Command.ImportCancel::new),
          ImportCommands.STAFF_ONLY,
          spec(Command.ImportCancel.class, ASSISTANT, Action.IMPORT, "", "取消", (h, c, a) -> h.imports().cancel(a))),
      family(List.of("月报"), (t, w) -> BulletinCommandParser.parse(t), Replies.officeOnly(),
          spec(Command.BulletinPreview.class, ASSISTANT, Action.PREVIEW_BULLETIN,
              "月报 预览 [月份] [签发日期]：草稿发到办公室群", "月报 预览 2024-04 2024-05-06",
              (h, c, a) -> h.bulletins().preview(c, a)),
          spec(Command.BulletinPublish.class, ASSISTANT, Action.PUBLISH_BULLETIN,
              "月报 发布 [月份] [签发日期]：发布到各群，如「月报 发布 2024-04 5月6日」，不写日期为今天", "月报 发布 2024-04 5月6日",
              (h, c, a) -> h.bulletins().publish(c, a)),
          spec(Command.BulletinNumber.class, ASSISTANT, Action.EDIT_BULLETIN, "月报 期号 [月份] N：定为第N期(发布前)",
              "月报 期号 2024-04 4", (h, c, a) -> h.bulletins().number(c, a)),
          spec(Command.BulletinCorrect.class, ASSISTANT, Action.PUBLISH_BULLETIN,
              "月报 更正 [月份] 文字：发布后发出更正(一)、(二)…", "月报 更正 2024-04 附件1中县水利局已发布总数应为360条",
              (h, c, a) -> h.bulletins().correct(c, a)),
          spec(Command.BulletinList.class, ASSISTANT, Action.EDIT_BULLETIN, "月报 列表 [月份]：查看已添加的内容",
              "月报 列表 2024-04", (h, c, a) -> h.bulletins().list(c, a)),
          spec(Command.BulletinAdd.class, ASSISTANT, Action.EDIT_BULLETIN, "月报 添加 [月份] 栏目 文字：如「月报 添加 工作动态 …」",
              "月报 添加 工作动态 4月9日组织考察学习", (h, c, a) -> h.bulletins().add(c, a)),
          spec(Command.BulletinRemove.class, ASSISTANT, Action.EDIT_BULLETIN, "月报 删除 编号", "月报 删除 3",
              (h, c, a) -> h.bulletins().remove(c, a)),
          spec(Command.BulletinCount.class, ASSISTANT, Action.EDIT_BULLETIN, "月报 数量 [月份] 名称 数量：如「月报 数量 网络问政 7」",
              "月报 数量 网络问政 7", (h, c, a) -> h.bulletins().count(c, a)),
          spec(Command.BulletinUsage.class, ASSISTANT, Action.EDIT_BULLETIN, "", "月报 随便",
              (h, c, a) -> Future.succeededFuture(BulletinReplies.usage(c)))),
      family(List.of("帮助", "help", "?", "菜单", "命令", "说明", "使用说明"), CommandParser::help,
          spec(Command.Help.class, ASSISTANT, Action.QUERY, "帮助：查看本说明", "帮助",
              (h, c, a) -> Future.succeededFuture(help()))));

  /** The answer to anything no family parses. */
  static final CommandSpec<Command.Unknown> UNKNOWN = spec(Command.Unknown.class, ASSISTANT, Action.QUERY, "",
      "今天天气怎么样", (h, c, a) -> Future.succeededFuture(Replies.shortHelp(c.text())));

  private static final Map<Class<?>, CommandSpec<?>> BY_TYPE = byType();
  private static final Map<Class<?>, CommandFamily> FAMILY_OF = familyOf();
  private static final String HELP = renderHelp();

  private CommandTable() {
  }

  /** The spec that answers {@code command}. */
  static CommandSpec<?> spec(Command command) {
    CommandSpec<?> spec = BY_TYPE.get(command.getClass());
    if (spec == null) {
      throw new IllegalStateException("command without an entry in CommandTable: " + command.getClass());
    }
    return spec;
  }

  /** The answer to someone not office staff who used one of {@code command}'s family's office commands. */
  static String refusal(Command command) {
    CommandFamily family = FAMILY_OF.get(command.getClass());
    return family == null ? ReminderCommands.STAFF_ONLY : family.refusal();
  }

  /** Every spec of the table, {@link #UNKNOWN} last. */
  static List<CommandSpec<?>> specs() {
    return Stream.concat(FAMILIES.stream().flatMap(f -> f.commands().stream()),
        Stream.of(UNKNOWN)).toList();
  }

  /** {@code 帮助}: every command's help line, the office's after their heading. */
  static String help() {
    return HELP;
  }

  private static String renderHelp() {
    List<CommandSpec<?>> all = FAMILIES.stream().flatMap(f -> f.commands().stream()).filter(s -> !s.help().isEmpty())
        .toList();
    String everyone = all.stream().filter(s -> s.action().rule() != Action.Rule.OFFICE).map(CommandSpec::help)
        .collect(Collectors.joining("\n"));
    String office = all.stream().filter(s -> s.action().rule() == Action.Rule.OFFICE).map(CommandSpec::help)
        .collect(Collectors.joining("\n"));
    return "**政务公开助手命令**（先 @我，再输入命令）\n" + everyone + "\n以下" + OFFICE_USE + "：\n" + office;
  }

  private static Map<Class<?>, CommandSpec<?>> byType() {
    Map<Class<?>, CommandSpec<?>> map = new HashMap<>();
    specs().forEach(s -> map.putIfAbsent(s.type(), s));
    return Map.copyOf(map);
  }

  private static Map<Class<?>, CommandFamily> familyOf() {
    Map<Class<?>, CommandFamily> map = new HashMap<>();
    FAMILIES.forEach(f -> f.commands().forEach(s -> map.putIfAbsent(s.type(), f)));
    return Map.copyOf(map);
  }

  private static CommandFamily family(List<String> words, CommandFamily.Parser parser, CommandSpec<?>... commands) {
    return new CommandFamily(words, parser, ReminderCommands.STAFF_ONLY, List.of(commands));
  }

  private static CommandFamily family(List<String> words, CommandFamily.Parser parser, String refusal,
      CommandSpec<?>... commands) {
    return new CommandFamily(words, parser, refusal, List.of(commands));
  }

  private static <C extends Command> CommandSpec<C> spec(Class<C> type, String title, Action action, String help,
      String example, CommandSpec.Handler<C> handler) {
    return new CommandSpec<>(type, title, action, help, example, handler);
  }

  /** A reminder command word with missing or bad arguments, answered with how to write it. */
  private static CommandSpec<Command.ReminderUsage> usage(String word) {
    return spec(Command.ReminderUsage.class, ASSISTANT, Action.QUERY, "", word,
        (h, c, a) -> Future.succeededFuture(c.usage()));
  }
}
