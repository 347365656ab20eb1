package io.zwgk.bot.stats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All units' figures for one month, the unit of caching: every ranking and total is derived from it.
 *
 * @param period the month
 * @param rows one row per unit, in no particular order
 */
public record PeriodStats(YearMonth period, List<UnitStats> rows) {
  /** Ratio descending, then name: the order of the bulletin's attachment tables. */
  public static final Comparator<UnitStats> BULLETIN_ORDER =
      Comparator.comparing(UnitStats::ratio).reversed().thenComparing(UnitStats::unit);

  public PeriodStats {
    rows = List.copyOf(rows);
  }

  /** The category's rows in bulletin order (ratio descending). */
  public List<UnitStats> ranked(Category category) {
    return rows.stream().filter(r -> r.category() == category).sorted(BULLETIN_ORDER).toList();
  }

  /** The lowest {@code n} of a category, lowest first. */
  public List<UnitStats> bottom(Category category, int n) {
    List<UnitStats> ranked = ranked(category);
    List<UnitStats> tail = new ArrayList<>(ranked.subList(Math.max(0, ranked.size() - n), ranked.size()));
    Collections.reverse(tail);
    return List.copyOf(tail);
  }

  public Optional<UnitStats> find(String unit) {
    return rows.stream().filter(r -> r.unit().equals(unit)).findFirst();
  }

  /** 1-based rank of a unit within its category, or 0 when the unit has no row. */
  public int rankOf(String unit) {
    return find(unit).map(u -> ranked(u.category()).indexOf(u) + 1).orElse(0);
  }

  public long total() {
    return rows.stream().mapToLong(UnitStats::total).sum();
  }

  public long monthTotal(Category category) {
    return rows.stream().filter(r -> r.category() == category).mapToLong(UnitStats::month).sum();
  }

  public long count(Category category) {
    return rows.stream().filter(r -> r.category() == category).count();
  }
}
