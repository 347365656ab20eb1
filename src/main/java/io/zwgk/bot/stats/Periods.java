package io.zwgk.bot.stats;

import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reading of a month for every route ({@code {period}}), the CLI ({@code --period}), the chat commands and
 * the months read back from Redis: exactly {@code YYYY-MM}, month 01–12, year {@value #MIN_YEAR}–{@value #MAX_YEAR}.
 */
public final class Periods {
  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;
  /** The answer to any month that does not read (HTTP 400, the CLI, chat). */
  public static final String MESSAGE =
      "月份格式应为 YYYY-MM，年份在 2000 到 2100 之间，例如 2024-04 (period must be YYYY-MM, year 2000-2100)";
  private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{2})");

  private Periods() {
  }

  /** The month {@code text} names, or empty when it is not {@code YYYY-MM} within the years allowed. */
  public static Optional<YearMonth> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The month of {@code year} and {@code month}, or empty when either is out of range. */
  public static Optional<YearMonth> of(int year, int month) {
    if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) {
      return Optional.empty();
    }
    return Optional.of(YearMonth.of(year, month));
  }

  /**
   * The month {@code text} names.
   *
   * @throws BadPeriodException (an {@link IllegalArgumentException}, mapped to 400) with {@link #MESSAGE}
   */
  public static YearMonth parse(String text) {
    return tryParse(text).orElseThrow(BadPeriodException::new);
  }

  /** {@code text} as it may appear in a log line: at most 20 characters, control characters as {@code ?}. */
  public static String shown(String text) {
    String cut = text.length() > 20 ? text.substring(0, 20) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** A month that does not read; its message is always {@link #MESSAGE}. */
  public static final class BadPeriodException extends IllegalArgumentException {
    BadPeriodException() {
      super(MESSAGE);
    }
  }
}
