package io.zwgk.bot.stats;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A statistics table read and checked but not stored: what an import of it would do.
 *
 * @param period the month the file name, a title row or a {@code 月份} cell names; empty when none does
 * @param category the category the file name gives, for rows without a {@code 类别} cell on sheets whose name gives none
 * @param plan the parsed rows, errors and warnings, as an import would find them
 * @param changes the rows compared with the stored month (all new when the month has nothing or is unknown)
 */
public record StatsPreview(Optional<YearMonth> period, Optional<Category> category, ImportPlan plan,
    ImportChanges changes) {
  public StatsPreview {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(changes, "changes");
  }

  /** The categories of the rows, in {@link Category} order. */
  public List<Category> categories() {
    return plan.rows().stream().map(UnitStats::category).distinct().sorted().toList();
  }
}
