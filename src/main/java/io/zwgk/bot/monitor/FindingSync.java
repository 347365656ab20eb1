package io.zwgk.bot.monitor;

import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides what a run changes in the findings. An observation whose key (unit, category, target) has no finding opens
 * one (issued today, deadline left to the reminder rules); one whose finding is closed reopens it; any other is seen
 * again. A finding is closed only when the monitor opened it (a monitor category and monitor evidence), its unit was
 * scanned, the page it was last seen on was read completely (or is gone) in this run, and it was not seen. Staff
 * findings are never touched. Pure.
 */
final class FindingSync {
  private FindingSync() {
  }

  /**
   * The changes.
   *
   * @param create new findings (no id yet)
   * @param reopen closed findings seen again, now open
   * @param seenAgain open findings seen again, unchanged
   * @param close findings to close, already marked closed
   * @param evidence evidence to store, by natural key
   * @param byKey the run's observations by natural key, first seen first
   */
  record Plan(List<Finding> create, List<Finding> reopen, List<Finding> seenAgain, List<Finding> close,
      Map<String, Evidence> evidence, Map<String, Observation> byKey) {
  }

  static Plan plan(List<Observation> observed, List<Finding> existing, Map<String, Evidence> evidence,
      Set<String> scannedUnits, Set<String> covered, Instant now, LocalDate today) {
    Map<String, Observation> byKey = new LinkedHashMap<>();
    observed.forEach(o -> byKey.putIfAbsent(o.naturalKey(), o));
    Map<String, Finding> known = existing.stream()
        .collect(Collectors.toMap(Finding::naturalKey, Function.identity(), (a, b) -> a));
    List<Finding> create = new ArrayList<>();
    List<Finding> reopen = new ArrayList<>();
    List<Finding> seen = new ArrayList<>();
    Map<String, Evidence> stored = new LinkedHashMap<>();
    byKey.forEach((key, o) -> {
      Finding f = known.get(key);
      if (f == null) {
        create.add(new Finding("", o.unit(), o.category().label(), o.text(), today, null, FindingState.OPEN,
            Optional.empty()));
      } else if (f.state() == FindingState.CLOSED) {
        reopen.add(with(f, FindingState.OPEN));
      } else {
        seen.add(f);
      }
      Instant first = Optional.ofNullable(evidence.get(key)).map(Evidence::firstSeen).orElse(now);
      stored.put(key, new Evidence(o.page(), o.excerpt(), first, now));
    });
    List<Finding> close = existing.stream()
        .filter(f -> f.state() != FindingState.CLOSED && MonitorCategory.of(f.category()).isPresent())
        .filter(f -> scannedUnits.contains(f.unit()) && !byKey.containsKey(f.naturalKey()))
        .filter(f -> evidence.containsKey(f.naturalKey()) && covered.contains(evidence.get(f.naturalKey()).url()))
        .map(f -> with(f, FindingState.CLOSED)).toList();
    return new Plan(create, reopen, seen, close, stored, byKey);
  }

  private static Finding with(Finding f, FindingState state) {
    return new Finding(f.id(), f.unit(), f.category(), f.text(), f.issued(), f.deadline(), state,
        state == FindingState.OPEN ? Optional.empty() : f.answer());
  }
}
