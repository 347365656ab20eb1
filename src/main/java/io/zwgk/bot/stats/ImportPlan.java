package io.zwgk.bot.stats;

import java.util.List;

/**
 * The outcome of parsing one statistics file. Import is all-or-nothing: a plan with errors carries no rows, and the
 * caller stores nothing.
 *
 * @param rows the units' figures, in file order; empty whenever {@code errors} is not
 * @param errors problems that reject the whole file
 * @param warnings problems that do not stop the import (e.g. a 完成比例 that disagrees with the figures)
 */
public record ImportPlan(List<UnitStats> rows, List<RowProblem> errors, List<RowProblem> warnings) {
  public ImportPlan {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if (!errors.isEmpty() && !rows.isEmpty()) {
      throw new IllegalArgumentException("a plan with errors must not carry rows");
    }
  }

  /** A plan rejected by a single problem. */
  static ImportPlan failed(RowProblem problem) {
    return new ImportPlan(List.of(), List.of(problem), List.of());
  }

  /** True when the rows may be stored. */
  public boolean ok() {
    return errors.isEmpty();
  }
}
