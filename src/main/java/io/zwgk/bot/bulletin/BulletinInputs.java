package io.zwgk.bot.bulletin;

import io.zwgk.bot.monitor.Evidence;
import io.zwgk.bot.remind.SentReminder;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.stats.PeriodStats;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a bulletin is composed from, gathered from the stores.
 *
 * @param period the month reported on
 * @param issueDate the issue date (today for a draft); also the day overdue letters are judged on
 * @param stats the month's statistics, empty when none were imported
 * @param state the office's narrative items and hand-entered counts
 * @param tracked every tracked letter, task, policy and finding (the composer picks the month's)
 * @param bulletinFindings ids of findings that earlier bulletins created, which are not news of this month
 * @param evidence the monitor's evidence of its findings, by the finding's natural key
 * @param reminders the reminders sent to units in the month
 */
record BulletinInputs(YearMonth period, LocalDate issueDate, Optional<PeriodStats> stats, BulletinState state,
    List<TrackedItem> tracked, Set<String> bulletinFindings, Map<String, Evidence> evidence,
    List<SentReminder> reminders) {
  BulletinInputs {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(state, "state");
    tracked = List.copyOf(tracked);
    bulletinFindings = Set.copyOf(bulletinFindings);
    evidence = Map.copyOf(evidence);
    reminders = List.copyOf(reminders);
  }

  /** The last day the month's records are read up to: the month's end, or the issue date of an early draft. */
  LocalDate asOf() {
    LocalDate end = period.atEndOfMonth();
    return issueDate.isBefore(end) ? issueDate : end;
  }

  <T extends TrackedItem> List<T> tracked(Class<T> type) {
    return tracked.stream().filter(type::isInstance).map(type::cast).toList();
  }

  boolean inPeriod(LocalDate date) {
    return date != null && YearMonth.from(date).equals(period);
  }

  /** The findings raised this month, without those an earlier bulletin created. */
  List<TrackedItem.Finding> monthFindings() {
    return tracked(TrackedItem.Finding.class).stream()
        .filter(f -> inPeriod(f.issued()) && !bulletinFindings.contains(f.id()))
        .toList();
  }
}
