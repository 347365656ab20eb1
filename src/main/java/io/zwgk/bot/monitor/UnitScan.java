package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.MonitorReport.ColumnCheck;
import io.zwgk.bot.monitor.MonitorReport.PageProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What scanning one unit (or one of its pages) found.
 *
 * @param covered pages read completely (all their targets checked) or gone (404/410): a monitor finding seen on such
 *     a page and not seen again is fixed
 */
record UnitScan(List<Observation> observations, List<ColumnCheck> columns, Set<String> covered,
    List<PageProblem> problems) {
  UnitScan {
    observations = List.copyOf(observations);
    columns = List.copyOf(columns);
    covered = Set.copyOf(covered);
    problems = List.copyOf(problems);
  }

  static UnitScan empty() {
    return new UnitScan(List.of(), List.of(), Set.of(), List.of());
  }

  static UnitScan problem(String unit, String url, String problem, boolean gone) {
    return new UnitScan(List.of(), List.of(), gone ? Set.of(url) : Set.of(), List.of(new PageProblem(unit, url,
        problem)));
  }

  /** Everything of both, this one's first. */
  UnitScan plus(UnitScan other) {
    List<Observation> obs = new ArrayList<>(observations);
    obs.addAll(other.observations);
    List<ColumnCheck> cols = new ArrayList<>(columns);
    cols.addAll(other.columns);
    Set<String> cov = new LinkedHashSet<>(covered);
    cov.addAll(other.covered);
    List<PageProblem> probs = new ArrayList<>(problems);
    probs.addAll(other.problems);
    return new UnitScan(obs, cols, cov, probs);
  }

  static UnitScan all(List<UnitScan> scans) {
    return scans.stream().reduce(empty(), UnitScan::plus);
  }
}
