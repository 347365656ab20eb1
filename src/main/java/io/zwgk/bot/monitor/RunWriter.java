package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.zwgk.bot.monitor.MonitorReport.ColumnCheck;
import io.zwgk.bot.monitor.MonitorReport.ColumnStatus;
import io.zwgk.bot.monitor.MonitorReport.FindingLine;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Stores what a run found (findings, evidence, column dates) and builds its report. */
final class RunWriter {
  private final TrackedStore tracked;
  private final MonitorStore store;
  private final Clock clock;

  RunWriter(TrackedStore tracked, MonitorStore store, Clock clock) {
    this.tracked = tracked;
    this.store = store;
    this.clock = clock;
  }

  Future<MonitorReport> write(RunState state, List<UnitPlan> plans, UnitScan result, SiteFetcher fetcher) {
    Set<String> units = plans.stream().map(UnitPlan::unit).collect(Collectors.toSet());
    FindingSync.Plan sync = FindingSync.plan(result.observations(), state.findings(), state.evidence(), units,
        result.covered(), clock.instant(), state.today());
    return tracked.upsert(TrackedKind.FINDINGS, List.copyOf(sync.create()))
        .compose(created -> saveAll(sync.reopen()).compose(v -> saveAll(sync.close()))
            .compose(v -> store.putEvidence(sync.evidence()))
            .compose(v -> saveAll(columnUpdates(state, result.columns())))
            .map(v -> report(state, result, fetcher, sync, created.items())));
  }

  private Future<Void> saveAll(List<? extends TrackedItem> items) {
    return Future.all(items.stream().map(tracked::save).toList()).mapEmpty();
  }

  private static List<TrackedItem.Column> columnUpdates(RunState state, List<ColumnCheck> checks) {
    Map<String, TrackedItem.Column> byId = state.columns().stream()
        .collect(Collectors.toMap(TrackedItem.Column::id, Function.identity()));
    return checks.stream().filter(c -> c.status() == ColumnStatus.DATED && !c.newest().get().equals(c.previous()))
        .map(c -> Optional.ofNullable(byId.get(c.id())).map(col -> new TrackedItem.Column(col.id(), col.unit(),
            col.column(), col.url(), col.columnClass(), c.newest().get())).orElse(null))
        .filter(Objects::nonNull).toList();
  }

  private MonitorReport report(RunState state, UnitScan result, SiteFetcher fetcher, FindingSync.Plan sync,
      List<TrackedItem> created) {
    List<FindingLine> opened = new ArrayList<>();
    created.forEach(i -> opened.add(seen((Finding) i, sync)));
    sync.reopen().forEach(f -> opened.add(seen(f, sync)));
    List<FindingLine> again = sync.seenAgain().stream().map(f -> seen(f, sync)).toList();
    List<FindingLine> closed = sync.close().stream().map(f -> new FindingLine(f.id(), f.unit(), f.category(),
        f.text(), state.evidence().get(f.naturalKey()).url(), "本次检查未再发现，已自动关闭")).toList();
    Map<String, Integer> skipped = fetcher.skipped().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().name().toLowerCase(Locale.ROOT), Map.Entry::getValue));
    return new MonitorReport(state.unit(), state.started(), clock.instant(), fetcher.requests(),
        fetcher.budgetSpent(), skipped, result.columns(), opened, again, closed, result.problems());
  }

  private static FindingLine seen(Finding f, FindingSync.Plan sync) {
    Observation o = sync.byKey().get(f.naturalKey());
    return new FindingLine(f.id(), f.unit(), f.category(), f.text(), o.page(), o.excerpt());
  }
}
