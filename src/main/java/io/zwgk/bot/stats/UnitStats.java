package io.zwgk.bot.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One unit's publication figures for one month.
 *
 * @param unit unit name
 * @param category the unit's category
 * @param task 本年度任务数, at least 1
 * @param total 已发布总数 (cumulative this year)
 * @param month 本月发布条数
 */
public record UnitStats(String unit, Category category, int task, int total, int month) {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public UnitStats {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(category, "category");
    if (task < 1 || total < 0 || month < 0) {
      throw new IllegalArgumentException("figures out of range for " + unit);
    }
  }

  /** 完成比例: total / task × 100, two decimals, rounded half-up (631/550 → 114.73). */
  public BigDecimal ratio() {
    return ratioOf(total, task);
  }

  /** The bulletin's ratio rule for any numerator and task. */
  public static BigDecimal ratioOf(long numerator, long task) {
    return BigDecimal.valueOf(numerator).multiply(HUNDRED).divide(BigDecimal.valueOf(task), 2, RoundingMode.HALF_UP);
  }
}
