package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.AccessDeniedException;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.DigestBuilder;
import io.zwgk.bot.remind.Due;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderActions.Outcome;
import io.zwgk.bot.remind.TrackedItem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reminder commands: what is due for the sender's unit, and the answers units and office staff give to tracked
 * items. Who may do what is {@link io.zwgk.bot.access.Access}'s, asked by {@link ReminderActions}.
 */
final class ReminderCommands {
  static final String STAFF_ONLY = "抱歉，这个命令只有县政务公开办工作人员可以使用。";

  private final ReminderActions actions;
  private final Clock clock;

  ReminderCommands(ReminderActions actions, Clock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  Future<String> todo(Command.Todo t, Asker asker) {
    LocalDate today = LocalDate.now(clock);
    return ownUnit(asker, Action.VIEW_OWN_ITEMS).compose(unit -> actions.dues(unit, today, t.overdueOnly())
        .map(dues -> dues(unit, dues, t.overdueOnly(), today)));
  }

  Future<String> findings(Asker asker) {
    return ownUnit(asker, Action.VIEW_OWN_ITEMS).compose(unit -> actions.openFindings(unit)
        .map(list -> findings(unit, list, LocalDate.now(clock))));
  }

  Future<String> rectify(Command.Rectify r, Asker asker) {
    return asker.actor().compose(a -> actions.rectify(a, r.id(), r.note())).map(Outcome::message)
        .recover(e -> e instanceof AccessDeniedException d && d.reason() == AccessDeniedException.Reason.OTHER_UNIT
            ? Future.succeededFuture("问题 " + Markdown.literal(r.id()) + " 属于" + Markdown.literal(d.owner().orElse(""))
                + "，请由该单位回复整改。")
            : Future.failedFuture(e));
  }

  Future<String> review(Command.Review r, Asker asker) {
    return actions.review(asker.withoutUnit(), r.id(), r.pass(), r.reason()).map(Outcome::message);
  }

  Future<String> snooze(Command.Snooze s, Asker asker) {
    return actions.snooze(asker.withoutUnit(), s.id(), s.days(), LocalDate.now(clock)).map(Outcome::message);
  }

  Future<String> complete(Command.Complete c, Asker asker) {
    return asker.actor().compose(a -> actions.complete(a, c.task(), LocalDate.now(clock))).map(Outcome::message);
  }

  Future<String> columnUpdated(Command.ColumnUpdated c, Asker asker) {
    return asker.actor().compose(a -> actions.columnUpdated(a, c.column(), LocalDate.now(clock)))
        .map(Outcome::message);
  }

  Future<String> accountClosed(Command.AccountClosed c, Asker asker) {
    return asker.actor().compose(a -> actions.accountClosed(a, c.account())).map(Outcome::message);
  }

  Future<String> acknowledge(Asker asker) {
    return asker.actor().compose(a -> actions.acknowledge(a, LocalDate.now(clock))).map(Outcome::message);
  }

  private static Future<String> ownUnit(Asker asker, Action action) {
    return asker.actor().compose(a -> Access.ownUnit(a, action));
  }

  private static String dues(String unit, List<Due> dues, boolean overdueOnly, LocalDate today) {
    String what = overdueOnly ? "逾期事项" : "待办事项";
    if (dues.isEmpty()) {
      return Markdown.literal(unit) + "暂无" + what + "。";
    }
    return "**" + Markdown.literal(unit) + what + "**（" + dues.size() + " 项）\n"
        + dues.stream().map(d -> DigestBuilder.line(d, false, today)).collect(Collectors.joining("\n"));
  }

  private static String findings(String unit, List<TrackedItem.Finding> list, LocalDate today) {
    if (list.isEmpty()) {
      return Markdown.literal(unit) + "暂无未销号的整改问题。";
    }
    return "**" + Markdown.literal(unit) + "整改问题**（" + list.size() + " 项）\n" + list.stream()
        .map(f -> "【编号 " + Markdown.literal(f.id()) + "】" + Markdown.literal(f.category()) + "："
        + Markdown.literal(f.text()) + "（" + deadline(f) + "，" + state(f) + "）").collect(Collectors.joining("\n"))
        + "\n整改完成请发「整改 编号 说明」";
  }

  /** A monitor-created finding has no deadline until the office sets one. */
  private static String deadline(TrackedItem.Finding f) {
    return f.deadline() == null ? "无截止日期"
        : "整改期限 " + f.deadline().getMonthValue() + "月" + f.deadline().getDayOfMonth() + "日";
  }

  private static String state(TrackedItem.Finding f) {
    return switch (f.state()) {
      case OPEN -> "待整改";
      case SUBMITTED -> "已回复，待复核";
      case RETURNED -> "复核退回，请重新整改";
      case CLOSED -> "已销号";
    };
  }
}
