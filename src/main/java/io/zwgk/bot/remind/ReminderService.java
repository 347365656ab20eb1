package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.store.ReminderStore;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a reminder run says and hands its digests to the outbox. A run on a day that is not a working day, or
 * inside the quiet hours, says nothing. Items a unit acknowledged today ({@code 收到}) and snoozed items are left out.
 * Every digest is queued under the key (schedule, run time, group), so a replayed run or a second instance queues
 * nothing new. What the unit groups were reminded of is logged in {@link SentReminderStore} for the month-end bulletin.
 */
public final class ReminderService {
  private static final Logger log = LoggerFactory.getLogger(ReminderService.class);
  private static final DateTimeFormatter RUN_KEY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final TrackedStore tracked;
  private final ReminderStore store;
  private final SentReminderStore sent;
  private final DueEvaluator evaluator;
  private final DigestBuilder digests;
  private final ReminderRules rules;
  private final WorkingDays calendar;
  private final List<Unit> units;
  private final ChatConfig chat;
  private final Outbox outbox;

  /** What a run at one moment sends, or why it sends nothing. */
  public record Plan(ZonedDateTime at, String schedule, List<Digest> digests, Optional<String> silentBecause) {
  }

  /** A plan with the dues its digests were built from. */
  private record Planned(Plan plan, List<Due> dues) {
  }

  public ReminderService(TrackedStore tracked, ReminderStore store, SentReminderStore sent, ReminderRules rules,
      WorkingDays calendar, List<Unit> units, ChatConfig chat, Outbox outbox) {
    this.tracked = tracked;
    this.store = store;
    this.sent = sent;
    this.evaluator = new DueEvaluator(rules, calendar);
    this.digests = new DigestBuilder(rules);
    this.rules = rules;
    this.calendar = calendar;
    this.units = List.copyOf(units);
    this.chat = chat;
    this.outbox = outbox;
  }

  public ReminderRules rules() {
    return rules;
  }

  /** The working days the schedules run on. */
  public WorkingDays calendar() {
    return calendar;
  }

  /** The digests a run of {@code schedule} at {@code at} would send, without sending anything. */
  public Future<Plan> plan(ZonedDateTime at, Schedule schedule) {
    return planned(at, schedule).map(Planned::plan);
  }

  private Future<Planned> planned(ZonedDateTime at, Schedule schedule) {
    if (!calendar.isWorkingDay(at.toLocalDate())) {
      return Future.succeededFuture(silent(at, schedule, "非工作日不提醒 (not a working day)"));
    }
    if (rules.quiet(at)) {
      return Future.succeededFuture(silent(at, schedule, "免打扰时段 (quiet hours)"));
    }
    LocalDate today = at.toLocalDate();
    return dues(today, schedule::includes, true).map(dues -> new Planned(new Plan(at, schedule.name(),
        digests.build(dues, units, chat.groups(), today, schedule.escalate()), Optional.empty()), dues));
  }

  /** Plans the run, queues its digests and logs what the unit groups were reminded of; answers the plan. */
  public Future<Plan> run(ZonedDateTime at, Schedule schedule) {
    return planned(at, schedule).compose(planned -> {
      Plan plan = planned.plan();
      return Future.all(plan.digests().stream()
              .map(d -> outbox.toGroup(chat.group(d.group()).orElseThrow(), d.message(),
                  "remind:" + schedule.name() + ":" + RUN_KEY.format(at) + ":" + d.group()))
              .toList())
          .compose(queued -> logSent(at.toLocalDate(), planned))
          .map(logged -> {
            log.info("reminder run {} at {}: {} digests", schedule.name(), at, plan.digests().size());
            return plan;
          });
    });
  }

  /** Logs the items the run's unit-group digests list; a failure is logged and does not fail the run. */
  private Future<Void> logSent(LocalDate day, Planned planned) {
    Set<String> listed = new HashSet<>();
    planned.plan().digests().stream().filter(d -> chat.group(d.group()).map(g -> !g.office()).orElse(false))
        .forEach(d -> listed.addAll(d.itemIds()));
    List<SentReminder> reminders = planned.dues().stream()
        .filter(d -> listed.contains(d.item().id()) && d.state() != DueState.AWAITING_REVIEW)
        .map(d -> new SentReminder(day, d.item().id(), d.item().kind(), d.item().unit(), d.state(), d.deadline()))
        .toList();
    return sent.record(reminders).recover(e -> {
      log.warn("reminders sent on {} not logged for the bulletin: {}", day, e.getMessage());
      return Future.succeededFuture();
    });
  }

  /** The open items of one unit with what is due, most urgent first (for 待办, 逾期, 问题). */
  public Future<List<Due>> dues(String unit, LocalDate today, Predicate<TrackedKind> kinds) {
    return dues(today, kinds, false).map(all -> all.stream().filter(d -> d.item().unit().equals(unit))
        .sorted(java.util.Comparator.comparingInt(Due::workingDaysLeft)).toList());
  }

  private Future<List<Due>> dues(LocalDate today, Predicate<TrackedKind> kinds, boolean forDigest) {
    Future<Set<String>> acks = forDigest ? store.acks(today) : Future.succeededFuture(Set.of());
    Future<Map<String, LocalDate>> snoozes = forDigest ? store.snoozes() : Future.succeededFuture(Map.of());
    return Future.all(tracked.listAll(), acks, snoozes).map(all -> {
      List<TrackedItem> items = all.resultAt(0);
      Set<String> acked = all.resultAt(1);
      Map<String, LocalDate> muted = all.resultAt(2);
      return items.stream()
          .filter(i -> kinds.test(i.kind()))
          .filter(i -> !acked.contains(i.unit()))
          .filter(i -> !muted.containsKey(i.id()) || muted.get(i.id()).isBefore(today))
          .flatMap(i -> evaluator.evaluate(i, today).stream())
          .toList();
    });
  }

  private static Planned silent(ZonedDateTime at, Schedule schedule, String why) {
    return new Planned(new Plan(at, schedule.name(), List.of(), Optional.of(why)), List.of());
  }
}
