package io.zwgk.bot.stats;

import java.util.Locale;
import java.util.regex.Pattern;

/** Tells date-formatted number cells apart, so a date typed in Excel reads as the date it shows, not its serial. */
final class ExcelDates {
  /** Quoted literals, bracketed colours/locales/elapsed times and backslash escapes carry no date tokens. */
  private static final Pattern LITERALS = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.");

  private ExcelDates() {}

  /**
   * True for the built-in date formats (14–17, 22, and the CJK ones 27–36, 50–58) and for custom formats with a year
   * or day token ({@code yyyy"年"m"月"d"日"}, {@code yyyy/m/d}); time-only formats are not dates.
   */
  static boolean isDateFormat(Integer formatId, String format) {
    if (formatId != null && isBuiltInDate(formatId)) {
      return true;
    }
    if (format == null || format.isBlank()) {
      return false;
    }
    String tokens = LITERALS.matcher(format).replaceAll("").toLowerCase(Locale.ROOT);
    return !tokens.equals("general") && (tokens.indexOf('y') >= 0 || tokens.indexOf('d') >= 0);
  }

  private static boolean isBuiltInDate(int id) {
    return id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58;
  }
}
