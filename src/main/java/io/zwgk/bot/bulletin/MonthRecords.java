package io.zwgk.bot.bulletin;

import io.zwgk.bot.monitor.MonitorFact;
import io.zwgk.bot.remind.DueEvaluator;
import io.zwgk.bot.remind.DueState;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminder;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Account;
import io.zwgk.bot.remind.TrackedItem.Column;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.WorkingDays;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the bot's own records say about a month, for ●常态化监测情况 and [存在问题].
 *
 * @param monitor the monitor's findings first seen by the month's end that were seen in the month or are still open,
 *     first seen first
 * @param stale columns and accounts past their update threshold at some time in the month (by their last update as
 *     of the month's end, or by an overdue reminder sent in the month), earliest first
 * @param reminded columns whose unit was reminded on at least the template's number of days that they were about to
 *     go overdue
 * @param closing accounts marked for closing and not closed, with the days their unit was reminded in the month
 */
record MonthRecords(List<MonitorFact> monitor, List<Stale> stale, List<Reminded> reminded, List<Closing> closing) {
  /** A column or account past its threshold; {@code overdueFrom} is its first overdue day. */
  record Stale(TrackedItem item, String name, Period threshold, LocalDate overdueFrom) {
  }

  /** A column its unit was reminded of on {@code days} days of the month. */
  record Reminded(Column column, int days) {
  }

  /** An account to close that is still open, and the days of the month its unit was reminded of it. */
  record Closing(Account account, int days) {
  }

  /** Reads the month's records: pure, given the inputs. */
  static MonthRecords of(BulletinInputs in, ReminderRules rules, WorkingDays days, int repeated) {
    DueEvaluator evaluator = new DueEvaluator(rules, days);
    Map<String, List<SentReminder>> byItem = in.reminders().stream().filter(r -> in.inPeriod(r.day()))
        .collect(Collectors.groupingBy(SentReminder::itemId, LinkedHashMap::new, Collectors.toList()));
    return new MonthRecords(monitor(in, rules), stale(in, rules, evaluator, byItem), reminded(in, byItem, repeated),
        closing(in, byItem));
  }

  private static List<MonitorFact> monitor(BulletinInputs in, ReminderRules rules) {
    LocalDate end = in.asOf();
    return in.tracked(TrackedItem.Finding.class).stream()
        .flatMap(f -> MonitorFact.of(f, Optional.ofNullable(in.evidence().get(f.naturalKey())), rules.zone()).stream())
        .filter(m -> !m.firstSeen().isAfter(end))
        .filter(m -> in.inPeriod(m.firstSeen()) || m.finding().state() != FindingState.CLOSED)
        .sorted(Comparator.comparing(MonitorFact::firstSeen).thenComparing(m -> Long.parseLong(m.finding().id())))
        .toList();
  }

  private static List<Stale> stale(BulletinInputs in, ReminderRules rules, DueEvaluator evaluator,
      Map<String, List<SentReminder>> byItem) {
    List<Stale> out = new ArrayList<>();
    for (Column c : in.tracked(Column.class)) {
      rules.columnThreshold(c.columnClass()).flatMap(t -> overdueFrom(in, c, evaluator, byItem)
          .map(from -> new Stale(c, c.column(), t, from))).ifPresent(out::add);
    }
    for (Account a : in.tracked(Account.class)) {
      overdueFrom(in, a, evaluator, byItem).map(from -> new Stale(a, a.account(), rules.accountThreshold(), from))
          .ifPresent(out::add);
    }
    out.sort(Comparator.comparing(Stale::overdueFrom).thenComparing(s -> Long.parseLong(s.item().id())));
    return out;
  }

  /**
   * The first overdue day: the earliest one in the month, of the current last update's and those the month's overdue
   * reminders name; else the current one when the item is still overdue; else the earliest an overdue reminder of the
   * month names. Empty when the item was not overdue in the month.
   */
  private static Optional<LocalDate> overdueFrom(BulletinInputs in, TrackedItem item, DueEvaluator evaluator,
      Map<String, List<SentReminder>> byItem) {
    Optional<LocalDate> now = evaluator.evaluate(item, in.asOf()).filter(d -> d.state() == DueState.OVERDUE)
        .map(d -> d.deadline().plusDays(1));
    List<LocalDate> logged = byItem.getOrDefault(item.id(), List.of()).stream()
        .filter(r -> r.state() == DueState.OVERDUE).map(r -> r.deadline().plusDays(1)).toList();
    Optional<LocalDate> inMonth = Stream.concat(now.stream(), logged.stream()).filter(in::inPeriod)
        .min(LocalDate::compareTo);
    return inMonth.or(() -> now).or(() -> logged.stream().min(LocalDate::compareTo));
  }

  private static List<Reminded> reminded(BulletinInputs in, Map<String, List<SentReminder>> byItem, int repeated) {
    Map<String, Column> columns = byId(in.tracked(Column.class));
    List<Reminded> out = new ArrayList<>();
    byItem.forEach((id, sent) -> {
      int days = days(sent.stream().filter(r -> r.kind() == TrackedKind.COLUMNS && r.aboutToBeOverdue()).toList());
      if (days >= repeated && columns.containsKey(id)) {
        out.add(new Reminded(columns.get(id), days));
      }
    });
    return out;
  }

  private static List<Closing> closing(BulletinInputs in, Map<String, List<SentReminder>> byItem) {
    return in.tracked(Account.class).stream().filter(a -> a.closing() && !a.closed())
        .map(a -> new Closing(a, days(byItem.getOrDefault(a.id(), List.of())))).toList();
  }

  private static int days(List<SentReminder> sent) {
    Set<LocalDate> distinct = new TreeSet<>();
    sent.forEach(r -> distinct.add(r.day()));
    return distinct.size();
  }

  private static <T extends TrackedItem> Map<String, T> byId(List<T> items) {
    Map<String, T> out = new HashMap<>();
    items.forEach(i -> out.put(i.id(), i));
    return out;
  }
}
