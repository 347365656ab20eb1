package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.store.ReminderStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What officers and office staff do to tracked items from the chat: answer a finding ({@code 整改}), verify it
 * ({@code 复核}), report a task done ({@code 完成}) or a column updated ({@code 栏目 已更新}), acknowledge today's
 * reminders ({@code 收到}) and mute an item ({@code 暂停提醒}). Each answers a short plain-Chinese outcome, and each
 * asks {@link Access} first whether the actor may: a unit acts on its own items, office staff review and mute.
 */
public final class ReminderActions {
  /** The answer to a command: what happened, in words for the group. */
  public record Outcome(boolean done, String message) {
    static Outcome ok(String message) {
      return new Outcome(true, message);
    }

    static Outcome no(String message) {
      return new Outcome(false, message);
    }
  }

  private final TrackedStore tracked;
  private final ReminderStore store;
  private final ReminderService service;

  public ReminderActions(TrackedStore tracked, ReminderStore store, ReminderService service) {
    this.tracked = tracked;
    this.store = store;
    this.service = service;
  }

  /** The unit's items with something due (待办), most urgent first; {@code overdueOnly} for 逾期. */
  public Future<List<Due>> dues(String unit, LocalDate today, boolean overdueOnly) {
    return service.dues(unit, today, k -> true).map(all -> all.stream()
        .filter(d -> !overdueOnly || d.state() == DueState.OVERDUE).toList());
  }

  /** The unit's findings not yet closed (问题). */
  public Future<List<TrackedItem.Finding>> openFindings(String unit) {
    return tracked.list(TrackedKind.FINDINGS).map(items -> items.stream()
        .map(TrackedItem.Finding.class::cast)
        .filter(f -> f.unit().equals(unit) && f.state() != FindingState.CLOSED)
        .toList());
  }

  /** The finding with this 编号, if it is one. */
  public Future<Optional<TrackedItem.Finding>> finding(String id) {
    return tracked.find(id).map(i -> i.filter(TrackedItem.Finding.class::isInstance)
        .map(TrackedItem.Finding.class::cast));
  }

  /** {@code 整改 <编号> <说明>}: the finding's unit (or the office for it) says it has rectified; the office verifies. */
  public Future<Outcome> rectify(Actor actor, String id, String note) {
    return Access.require(actor, Action.RECTIFY).compose(v -> withFinding(id,
        f -> Access.require(actor, Action.RECTIFY, f.unit()).compose(ok -> rectify(f, note))));
  }

  private Future<Outcome> rectify(TrackedItem.Finding f, String note) {
    if (f.state() == FindingState.CLOSED) {
      return Future.succeededFuture(Outcome.no("问题 " + lit(f.id()) + " 已复核通过，无需再整改。"));
    }
    TrackedItem.Finding answered = new TrackedItem.Finding(f.id(), f.unit(), f.category(), f.text(), f.issued(),
        f.deadline(), FindingState.SUBMITTED, Optional.of(note));
    return tracked.save(answered).map(saved -> Outcome.ok("已收到问题 " + lit(f.id()) + " 的整改说明，等待县政务公开办复核。"));
  }

  /** {@code 复核 <编号> 通过|退回 [原因]} (office staff). */
  public Future<Outcome> review(Actor actor, String id, boolean pass, String reason) {
    return Access.require(actor, Action.REVIEW).compose(v -> withFinding(id, f -> review(f, pass, reason)));
  }

  private Future<Outcome> review(TrackedItem.Finding f, boolean pass, String reason) {
    FindingState state = pass ? FindingState.CLOSED : FindingState.RETURNED;
    Optional<String> answer = pass ? f.answer() : Optional.of("退回：" + (reason.isBlank() ? "请重新整改" : reason));
    TrackedItem.Finding reviewed = new TrackedItem.Finding(f.id(), f.unit(), f.category(), f.text(), f.issued(),
        f.deadline(), state, answer);
    return tracked.save(reviewed).map(saved -> Outcome.ok(pass
        ? "问题 " + lit(f.id()) + "（" + lit(f.unit()) + "）复核通过，已销号。"
        : "问题 " + lit(f.id()) + "（" + lit(f.unit()) + "）已退回，请" + lit(f.unit()) + "重新整改。"));
  }

  /** {@code 完成 <任务>}: the actor's unit's share of a task is done. */
  public Future<Outcome> complete(Actor actor, String taskQuery, LocalDate today) {
    return Access.ownUnit(actor, Action.REPORT_PROGRESS).compose(unit -> complete(unit, taskQuery, today));
  }

  private Future<Outcome> complete(String unit, String taskQuery, LocalDate today) {
    return tracked.list(TrackedKind.TASKS).compose(items -> {
      List<TrackedItem.Task> mine = items.stream().map(TrackedItem.Task.class::cast)
          .filter(t -> t.unit().equals(unit) && t.task().contains(taskQuery.strip())).toList();
      if (mine.size() != 1) {
        return Future.succeededFuture(Outcome.no(mine.isEmpty() ? "没有找到" + lit(unit) + "名为「" + lit(taskQuery) + "」的任务。"
            : "有多个任务符合「" + lit(taskQuery) + "」：" + mine.stream().map(TrackedItem.Task::task).map(ReminderActions::lit)
                .collect(Collectors.joining("、")) + "，请写全任务名。"));
      }
      TrackedItem.Task t = mine.get(0);
      return tracked.save(t.done() && t.doneOn() != null ? t : t.doneOn(today))
          .map(saved -> Outcome.ok(lit(unit) + "「" + lit(t.task()) + "」已标记完成。"));
    });
  }

  /** {@code 栏目 已更新 <栏目>}: the actor's unit updated a column today. */
  public Future<Outcome> columnUpdated(Actor actor, String columnQuery, LocalDate today) {
    return Access.ownUnit(actor, Action.REPORT_PROGRESS).compose(unit -> columnUpdated(unit, columnQuery, today));
  }

  private Future<Outcome> columnUpdated(String unit, String columnQuery, LocalDate today) {
    return tracked.list(TrackedKind.COLUMNS).compose(items -> {
      List<TrackedItem.Column> mine = items.stream().map(TrackedItem.Column.class::cast)
          .filter(c -> c.unit().equals(unit) && c.column().contains(columnQuery.strip())).toList();
      if (mine.size() != 1) {
        return Future.succeededFuture(Outcome.no(mine.isEmpty() ? "没有找到" + lit(unit) + "的栏目「" + lit(columnQuery) + "」。"
            : "有多个栏目符合「" + lit(columnQuery) + "」，请写全栏目名。"));
      }
      TrackedItem.Column c = mine.get(0);
      return tracked.save(new TrackedItem.Column(c.id(), c.unit(), c.column(), c.url(), c.columnClass(), today))
          .map(saved -> Outcome.ok(lit(unit) + "「" + lit(c.column()) + "」更新日期已记为 " + Texts.date(today, today) + "。"));
    });
  }

  /**
   * {@code 注销 已完成 <账号>}: the actor's unit confirms an account marked for closing is closed (screenshot in the
   * group).
   */
  public Future<Outcome> accountClosed(Actor actor, String accountQuery) {
    return Access.ownUnit(actor, Action.REPORT_PROGRESS).compose(unit -> accountClosed(unit, accountQuery));
  }

  private Future<Outcome> accountClosed(String unit, String accountQuery) {
    return tracked.list(TrackedKind.ACCOUNTS).compose(items -> {
      List<TrackedItem.Account> mine = items.stream().map(TrackedItem.Account.class::cast)
          .filter(a -> a.unit().equals(unit) && a.closing() && a.account().contains(accountQuery.strip())).toList();
      if (mine.size() != 1) {
        return Future.succeededFuture(Outcome.no(mine.isEmpty() ? "没有找到" + lit(unit) + "待注销的账号「" + lit(accountQuery) + "」。"
            : "有多个待注销账号符合「" + lit(accountQuery) + "」，请写全账号名。"));
      }
      TrackedItem.Account a = mine.get(0);
      return tracked.save(new TrackedItem.Account(a.id(), a.unit(), a.account(), a.lastPost(), true, true))
          .map(saved -> Outcome.ok(lit(unit) + "「" + lit(a.account()) + "」已确认注销，不再提醒。请在群里附上注销截图备查。"));
    });
  }

  /** {@code 收到}: the actor's unit saw today's reminders; they are not repeated today. */
  public Future<Outcome> acknowledge(Actor actor, LocalDate today) {
    return Access.ownUnit(actor, Action.REPORT_PROGRESS).compose(unit -> store.ack(unit, today)
        .map(v -> Outcome.ok(lit(unit) + "已确认收到今天的提醒，今天不再重复提醒。")));
  }

  /** {@code 暂停提醒 <编号> <天数>} (office staff). */
  public Future<Outcome> snooze(Actor actor, String id, int days, LocalDate today) {
    return Access.require(actor, Action.SNOOZE).compose(v -> snooze(id, days, today));
  }

  private Future<Outcome> snooze(String id, int days, LocalDate today) {
    LocalDate until = today.plusDays(days - 1L);
    return tracked.find(id).compose(item -> item.isEmpty()
        ? Future.succeededFuture(Outcome.no("没有编号为 " + lit(id) + " 的事项。"))
        : store.snooze(id, until).map(v -> Outcome.ok("编号 " + lit(id) + "（" + lit(item.get().unit()) + "）暂停提醒至 "
            + Texts.date(until, today) + "。")));
  }

  private Future<Outcome> withFinding(String id, Function<TrackedItem.Finding, Future<Outcome>> action) {
    return finding(id).compose(found -> found.isEmpty()
        ? Future.succeededFuture(Outcome.no("没有编号为 " + lit(id) + " 的整改问题，请核对编号（发「问题」查看本单位的问题）。"))
        : action.apply(found.get()));
  }

  /** User or imported text made literal for the reply's markdown. */
  private static String lit(String text) {
    return Markdown.literal(text);
  }
}
