package io.zwgk.bot.stats;

import java.util.List;

/**
 * The outcome of parsing one statistics file. Import is all-or-nothing: a plan with errors carries no rows, and the
 * caller stores nothing.
 *
 * @param rows the units' figures, in file order; empty whenever {@code errors} is not
 * @param errors problems that reject the whole file
 * @param warnings problems that do not stop the import (e.g. a 完成比例 that disagrees with the figures)
 * @param newUnits names that match no configured or earlier unit, taken as new units (only when accepted)
 * @param encoding the text encoding the file was read in ({@code UTF-8} or {@code GB18030})
 */
public record ImportPlan(List<UnitStats> rows, List<RowProblem> errors, List<RowProblem> warnings,
    List<String> newUnits, String encoding) {
  public ImportPlan {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    newUnits = List.copyOf(newUnits);
    if (!errors.isEmpty() && !rows.isEmpty()) {
      throw new IllegalArgumentException("a plan with errors must not carry rows");
    }
  }

  /** A UTF-8 plan without new units. */
  public ImportPlan(List<UnitStats> rows, List<RowProblem> errors, List<RowProblem> warnings) {
    this(rows, errors, warnings, List.of(), Tables.UTF_8);
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
