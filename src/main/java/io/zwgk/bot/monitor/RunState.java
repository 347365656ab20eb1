package io.zwgk.bot.monitor;

import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Finding;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a run starts from: its scope, the stored columns, findings and evidence, and its start time. */
record RunState(Optional<String> unit, List<TrackedItem.Column> columns, List<Finding> findings,
    Map<String, Evidence> evidence, Instant started, LocalDate today) {
  RunState {
    columns = List.copyOf(columns);
    findings = List.copyOf(findings);
    evidence = Map.copyOf(evidence);
  }

  /** From the stores' answers: items of the columns kind and of the findings kind. */
  static RunState of(Optional<String> unit, List<TrackedItem> columns, List<TrackedItem> findings,
      Map<String, Evidence> evidence, Instant started, LocalDate today) {
    return new RunState(unit, columns.stream().map(TrackedItem.Column.class::cast).toList(),
        findings.stream().map(Finding.class::cast).toList(), evidence, started, today);
  }
}
