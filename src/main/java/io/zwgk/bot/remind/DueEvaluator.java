package io.zwgk.bot.remind;

import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.TrackedItem.Account;
import io.zwgk.bot.remind.TrackedItem.Column;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedItem.Letter;
import io.zwgk.bot.remind.TrackedItem.OpenDay;
import io.zwgk.bot.remind.TrackedItem.Policy;
import io.zwgk.bot.remind.TrackedItem.Task;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for one item on one day, whether a digest mentions it and how. Pure apart from a one-time warning per
 * unknown column class; snoozes and the scheduler's working-day check are the caller's business.
 *
 * <ul>
 *   <li>Columns and accounts: due on the last update + the class threshold (calendar terms); an account marked for
 *       closing is listed every run, as due today, until it is closed.
 *   <li>Tasks and findings: due on their deadline (a finding without one: issue date + the configured working days);
 *       a finding the unit answered is {@link DueState#AWAITING_REVIEW} until the office closes or returns it.
 *   <li>Open days: the plan is due on the last working day before the day; after the day, the publicity item is due
 *       the configured working days later.
 *   <li>Policies: the interpretation is due on the publication date itself.
 *   <li>Letters: due 20 (+20 when extended) working days after receipt; listed only on the reminder points and once
 *       overdue.
 * </ul>
 * {@link DueState#DUE_SOON} means due within the kind's window of working days after today.
 */
public final class DueEvaluator {
  private static final Logger log = LoggerFactory.getLogger(DueEvaluator.class);
  private static final int MAX_TEXT = 40;
  private static final int MAX_ANSWER = 30;

  private final ReminderRules rules;
  private final WorkingDays days;
  private final Set<String> unknownClasses = ConcurrentHashMap.newKeySet();

  public DueEvaluator(ReminderRules rules, WorkingDays days) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.days = Objects.requireNonNull(days, "days");
  }

  /** What to say about {@code item} on {@code today}; empty when it is done, fresh or not yet near its deadline. */
  public Optional<Due> evaluate(TrackedItem item, LocalDate today) {
    return item.match(new TrackedItem.Cases<>() {
      @Override
      public Optional<Due> column(Column c) {
        return DueEvaluator.this.column(c, today);
      }

      @Override
      public Optional<Due> account(Account a) {
        return DueEvaluator.this.account(a, today);
      }

      @Override
      public Optional<Due> task(Task t) {
        return t.done() || t.deadline() == null ? Optional.empty()
            : byDeadline(t, t.deadline(), today, rules.dueSoon(TrackedKind.TASKS), t.task() + " 未完成");
      }

      @Override
      public Optional<Due> openDay(OpenDay o) {
        return DueEvaluator.this.openDay(o, today);
      }

      @Override
      public Optional<Due> policy(Policy p) {
        return p.interpreted() || p.published() == null || today.isBefore(p.published()) ? Optional.empty()
            : byDeadline(p, p.published(), today, 0, "《" + p.title().replaceAll("^《|》$", "") + "》未同步发布政策解读");
      }

      @Override
      public Optional<Due> letter(Letter l) {
        return DueEvaluator.this.letter(l, today);
      }

      @Override
      public Optional<Due> finding(Finding f) {
        return DueEvaluator.this.finding(f, today);
      }
    });
  }

  /** The deadline of a finding issued on {@code issued} when the import gives none. */
  public LocalDate defaultFindingDeadline(LocalDate issued) {
    return days.addWorkingDays(issued, rules.findingWorkingDays());
  }

  private Optional<Due> column(Column c, LocalDate today) {
    Optional<Period> threshold = rules.columnThreshold(c.columnClass());
    if (threshold.isEmpty()) {
      if (unknownClasses.add(String.valueOf(c.columnClass()))) {
        log.warn("column class {} has no threshold in reminders.yaml; such columns are not reminded",
            c.columnClass());
      }
      return Optional.empty();
    }
    return stale(c, Markdown.literal(c.column()) + " ", c.lastUpdate(), threshold.get(), today, TrackedKind.COLUMNS);
  }

  private Optional<Due> account(Account a, LocalDate today) {
    String name = "政务新媒体「" + Markdown.literal(a.account()) + "」";
    if (a.closed()) {
      return Optional.empty();
    }
    if (a.closing()) {
      return Optional.of(new Due(a, DueState.DUE_TODAY, today, 0, name + "待注销，请发送注销截图"));
    }
    return a.lastPost() == null ? Optional.empty()
        : stale(a, name, a.lastPost(), rules.accountThreshold(), today, TrackedKind.ACCOUNTS);
  }

  private Optional<Due> stale(TrackedItem item, String name, LocalDate last, Period threshold, LocalDate today,
      TrackedKind kind) {
    long idle = ChronoUnit.DAYS.between(last, today);
    String what = name + "已 " + idle + " 天未更新（期限 " + Texts.period(threshold) + "）";
    return byDeadline(item, last.plus(threshold), today, rules.dueSoon(kind), what);
  }

  private Optional<Due> openDay(OpenDay o, LocalDate today) {
    String day = "政府开放日（" + Texts.date(o.date(), today) + "）";
    if (!today.isAfter(o.date())) {
      return o.planSubmitted() ? Optional.empty() : byDeadline(o, lastWorkingDayBefore(o.date()), today,
          rules.openDays().planWindowWorkingDays(), day + "活动方案未报送");
    }
    if (o.publicized()) {
      return Optional.empty();
    }
    LocalDate deadline = days.addWorkingDays(o.date(), rules.openDays().publicityWorkingDays());
    return byDeadline(o, deadline, today, rules.dueSoon(TrackedKind.OPENDAYS), day + "已举办，宣传信息未报送");
  }

  private LocalDate lastWorkingDayBefore(LocalDate date) {
    LocalDate d = date.minusDays(1);
    for (int i = 0; i < 60 && !days.isWorkingDay(d); i++) {
      d = d.minusDays(1);
    }
    return d;
  }

  private Optional<Due> letter(Letter l, LocalDate today) {
    if (l.answered() || l.received() == null) {
      return Optional.empty();
    }
    ReminderRules.Letters limits = rules.letters();
    int limit = limits.limit(l.extended());
    LocalDate deadline = days.addWorkingDays(l.received(), limit);
    int left = days.workingDaysBetween(today, deadline);
    String what = "依申请公开「" + Markdown.literal(l.reference()) + "」未答复，" + Texts.date(l.received(), today) + "收到，"
        + (l.extended() ? "已延期，" : "") + "限 " + limit + " 个工作日";
    if (today.isAfter(deadline)) {
      return Optional.of(new Due(l, DueState.OVERDUE, deadline, Math.min(left, 0), what));
    }
    if (!limits.remindAt().contains(left)) {
      return Optional.empty();
    }
    return Optional.of(new Due(l, today.equals(deadline) ? DueState.DUE_TODAY : DueState.DUE_SOON, deadline, left,
        what));
  }

  private Optional<Due> finding(Finding f, LocalDate today) {
    if (f.state() == FindingState.CLOSED) {
      return Optional.empty();
    }
    LocalDate deadline = f.deadline() != null ? f.deadline()
        : f.issued() == null ? null : defaultFindingDeadline(f.issued());
    if (deadline == null) {
      return Optional.empty();
    }
    String text = (f.category() == null || f.category().isBlank() ? "" : Markdown.literal(f.category()) + "：")
        + Markdown.literal(Texts.shorten(f.text(), MAX_TEXT));
    if (f.state() == FindingState.SUBMITTED) {
      String answer = f.answer().map(a -> "：" + Markdown.literal(Texts.shorten(a, MAX_ANSWER))).orElse("");
      return Optional.of(new Due(f, DueState.AWAITING_REVIEW, deadline, days.workingDaysBetween(today, deadline),
          text + "，已报整改，待复核" + answer));
    }
    String what = text + (f.state() == FindingState.RETURNED ? "，复核退回，需重新整改" : "，待整改");
    return byDeadline(f, deadline, today, rules.dueSoon(TrackedKind.FINDINGS), what);
  }

  private Optional<Due> byDeadline(TrackedItem item, LocalDate deadline, LocalDate today, int window, String what) {
    int left = days.workingDaysBetween(today, deadline);
    DueState state;
    if (today.isAfter(deadline)) {
      state = DueState.OVERDUE;
      left = Math.min(left, 0);
    } else if (today.equals(deadline)) {
      state = DueState.DUE_TODAY;
    } else if (left <= window) {
      state = DueState.DUE_SOON;
    } else {
      return Optional.empty();
    }
    return Optional.of(new Due(item, state, deadline, left, what));
  }
}
