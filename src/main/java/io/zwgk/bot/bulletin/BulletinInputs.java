package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.stats.PeriodStats;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
 */
record BulletinInputs(YearMonth period, LocalDate issueDate, Optional<PeriodStats> stats, BulletinState state,
    List<TrackedItem> tracked, Set<String> bulletinFindings) {
  BulletinInputs {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(stats, "stats");
    Objects.requireNonNull(state, "state");
    tracked = List.copyOf(tracked);
    bulletinFindings = Set.copyOf(bulletinFindings);
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
