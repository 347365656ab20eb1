package io.zwgk.bot.remind;

import io.zwgk.bot.stats.RowProblem;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of parsing one tracked-item table. Import is all-or-nothing: a plan with errors carries no items, and the
 * caller stores nothing.
 *
 * @param kind what the table lists
 * @param items the items in file order, without ids (id {@code ""}); empty whenever {@code errors} is not
 * @param errors problems that reject the whole file
 * @param warnings problems that do not stop the import (a unit name completed, an unknown column ignored)
 */
public record TrackedImportPlan(TrackedKind kind, List<TrackedItem> items, List<RowProblem> errors,
    List<RowProblem> warnings) {
  public TrackedImportPlan {
    Objects.requireNonNull(kind, "kind");
    items = List.copyOf(items);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
    if (!errors.isEmpty() && !items.isEmpty()) {
      throw new IllegalArgumentException("a plan with errors must not carry items");
    }
    if (items.stream().anyMatch(i -> i.kind() != kind)) {
      throw new IllegalArgumentException("every item must be of kind " + kind);
    }
  }

  static TrackedImportPlan failed(TrackedKind kind, List<RowProblem> errors) {
    return new TrackedImportPlan(kind, List.of(), errors, List.of());
  }

  /** True when the items may be stored. */
  public boolean ok() {
    return errors.isEmpty();
  }
}
