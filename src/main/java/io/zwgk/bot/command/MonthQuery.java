package io.zwgk.bot.command;

import io.zwgk.bot.stats.Periods;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which month's figures a statistics question asks for: the latest (nothing said), {@code 2024-03} / {@code 2024年3月},
 * {@code 3月} (the latest March that has figures), or {@code 本月} / {@code 上月} (calendar months counted from today).
 */
public sealed interface MonthQuery {
  /** Nothing said: the latest month with figures. */
  MonthQuery LATEST = new Latest();

  /** The month meant, among those that have figures; empty when that month has none. */
  Optional<YearMonth> resolve(List<YearMonth> available, YearMonth now);

  /** The month as the reply names it when it has no figures. */
  String label(YearMonth now);

  /** The latest month with figures. */
  record Latest() implements MonthQuery {
    @Override
    public Optional<YearMonth> resolve(List<YearMonth> available, YearMonth now) {
      return available.stream().max(Comparator.naturalOrder());
    }

    @Override
    public String label(YearMonth now) {
      return "最新月份";
    }
  }

  /** {@code 2024-03}, {@code 2024年3月}. */
  record Exact(YearMonth month) implements MonthQuery {
    @Override
    public Optional<YearMonth> resolve(List<YearMonth> available, YearMonth now) {
      return available.contains(month) ? Optional.of(month) : Optional.empty();
    }

    @Override
    public String label(YearMonth now) {
      return Months.label(month);
    }
  }

  /** {@code 3月}: the latest March that has figures. */
  record OfYear(int month) implements MonthQuery {
    public OfYear {
      if (month < 1 || month > 12) {
        throw new IllegalArgumentException("month " + month);
      }
    }

    @Override
    public Optional<YearMonth> resolve(List<YearMonth> available, YearMonth now) {
      return available.stream().filter(m -> m.getMonthValue() == month).max(Comparator.naturalOrder());
    }

    @Override
    public String label(YearMonth now) {
      return month + "月";
    }
  }

  /** {@code 本月} (0), {@code 上月} (1): counted back from the calendar month of today. */
  record Back(int months) implements MonthQuery {
    @Override
    public Optional<YearMonth> resolve(List<YearMonth> available, YearMonth now) {
      YearMonth meant = now.minusMonths(months);
      return available.contains(meant) ? Optional.of(meant) : Optional.empty();
    }

    @Override
    public String label(YearMonth now) {
      return (months == 0 ? "本月（" : "上月（") + Months.label(now.minusMonths(months)) + "）";
    }
  }

  /** A statistics argument with its month taken off the end. */
  record Split(String rest, MonthQuery month) {
  }

  /**
   * Takes a month written at the end of {@code argument} ({@code 水利局 3月} → {@code 水利局} and March); the whole
   * argument and {@link #LATEST} when it ends in none. Years outside 2000–2100 and months outside 1–12 are not months.
   */
  static Split split(String argument) {
    int from = Math.max(0, argument.length() - Months.LONGEST);
    Matcher m = Months.TRAILING.matcher(argument).region(from, argument.length());
    if (!m.find() || m.start() > 0 && Character.isDigit(argument.charAt(m.start() - 1))) {
      return new Split(argument, LATEST);
    }
    Optional<MonthQuery> month = Months.of(m);
    return month.map(q -> new Split(argument.substring(0, m.start()).strip(), q))
        .orElseGet(() -> new Split(argument, LATEST));
  }

  /** The patterns and labels behind {@link MonthQuery#split}. */
  final class Months {
    /** Only this many characters at the end are searched (a month is written in fewer): linear on any input. */
    static final int LONGEST = 16;
    static final Pattern TRAILING = Pattern.compile(
        "(?:(\\d{4})\\s*(?:-|/|\\.|年)\\s*(\\d{1,2})\\s*月?份?|(?<![\\d-])(\\d{1,2})\\s*月份?|(上个?月份?|本月份?|这个月))$");

    private Months() {
    }

    static String label(YearMonth month) {
      return month.getYear() + "年" + month.getMonthValue() + "月";
    }

    static Optional<MonthQuery> of(Matcher m) {
      if (m.group(4) != null) {
        return Optional.of(new Back(m.group(4).startsWith("上") ? 1 : 0));
      }
      if (m.group(3) != null) {
        int month = Integer.parseInt(m.group(3));
        return month >= 1 && month <= 12 ? Optional.of(new OfYear(month)) : Optional.empty();
      }
      return Periods.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).map(Exact::new);
    }
  }
}
