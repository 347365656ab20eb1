package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.DigestBuilder;
import io.zwgk.bot.remind.Due;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.ReminderActions.Outcome;
import io.zwgk.bot.remind.TrackedItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The reminder commands: what is due for the sender's unit, and the answers units and office staff give to tracked
 * items. A unit may act only on its own items; 复核 and 暂停提醒 are for office staff.
 */
final class ReminderCommands {
  static final String STAFF_ONLY = "抱歉，这个命令只有县政务公开办工作人员可以使用。";

  private final ReminderActions actions;

  ReminderCommands(ReminderActions actions) {
    this.actions = actions;
  }

  /**
   * @param unit the sender's bound unit, if any
   * @param staff whether the sender is office staff
   */
  Future<String> handle(Command command, Optional<String> unit, boolean staff, LocalDate today) {
    if (command instanceof Command.ReminderUsage u) {
      return Future.succeededFuture(u.usage());
    } else if (command instanceof Command.Review r) {
      return staff ? withFinding(r.id(), f -> actions.review(f, r.pass(), r.reason()))
          : Future.succeededFuture(STAFF_ONLY);
    } else if (command instanceof Command.Snooze s) {
      return staff ? actions.snooze(s.id(), s.days(), today).map(Outcome::message)
          : Future.succeededFuture(STAFF_ONLY);
    } else if (command instanceof Command.Rectify r) {
      if (!staff && unit.isEmpty()) {
        return Future.succeededFuture(Replies.needBinding());
      }
      return withFinding(r.id(), f -> staff || unit.filter(f.unit()::equals).isPresent()
          ? actions.rectify(f, r.note())
          : Future.succeededFuture(new Outcome(false, "问题 " + Markdown.literal(f.id()) + " 属于" + Markdown.literal(f.unit())
              + "，请由该单位回复整改。")));
    }
    if (unit.isEmpty()) {
      return Future.succeededFuture(Replies.needBinding());
    }
    return forUnit(command, unit.get(), today);
  }

  private Future<String> forUnit(Command command, String unit, LocalDate today) {
    if (command instanceof Command.Todo t) {
      return actions.dues(unit, today, t.overdueOnly()).map(dues -> dues(unit, dues, t.overdueOnly(), today));
    } else if (command instanceof Command.Findings) {
      return actions.openFindings(unit).map(list -> findings(unit, list, today));
    } else if (command instanceof Command.Complete c) {
      return actions.complete(unit, c.task()).map(Outcome::message);
    } else if (command instanceof Command.ColumnUpdated c) {
      return actions.columnUpdated(unit, c.column(), today).map(Outcome::message);
    } else if (command instanceof Command.Ack) {
      return actions.acknowledge(unit, today).map(Outcome::message);
    } else if (command instanceof Command.AccountClosed a) {
      return actions.accountClosed(unit, a.account()).map(Outcome::message);
    }
    return Future.failedFuture(new IllegalArgumentException("not a reminder command: " + command));
  }

  private Future<String> withFinding(String id, java.util.function.Function<TrackedItem.Finding, Future<Outcome>> f) {
    return actions.finding(id).compose(found -> found.isEmpty()
        ? Future.succeededFuture("没有编号为 " + Markdown.literal(id) + " 的整改问题，请核对编号（发「问题」查看本单位的问题）。")
        : f.apply(found.get()).map(Outcome::message));
  }

  static boolean handles(Command c) {
    return c instanceof Command.Todo || c instanceof Command.Findings || c instanceof Command.Rectify
        || c instanceof Command.Review || c instanceof Command.Complete || c instanceof Command.ColumnUpdated
        || c instanceof Command.Ack || c instanceof Command.Snooze || c instanceof Command.ReminderUsage
        || c instanceof Command.AccountClosed;
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
