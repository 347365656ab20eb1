package io.zwgk.bot.monitor;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates in list-page text: {@code 2024-04-29}, {@code 2024/4/29}, {@code 2024.4.29},
 * {@code 2024年4月29日}, and without a year {@code [04-29]}, {@code 04-29} or {@code 4月29日}, whose year is the
 * latest one (up to four years back, for 29 February) that does not put the date after today. Days that do not exist and dates after today are ignored.
 */
final class DateFinder {
  private static final Pattern FULL = Pattern.compile(
      "(?<!\\d)((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");
  private static final Pattern SHORT = Pattern.compile(
      "(?<![\\d/.\\-])(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![\\d/.\\-])|(?<!\\d)(\\d{1,2})月(\\d{1,2})日");
  private static final int MIN_YEAR = 1990;

  private DateFinder() {
  }

  /** Every date in {@code text}: those with a year first, then those without, each in reading order. */
  static List<LocalDate> find(String text, LocalDate today) {
    List<LocalDate> dates = new ArrayList<>();
    StringBuilder rest = new StringBuilder(text);
    Matcher full = FULL.matcher(text);
    while (full.find()) {
      int year = Integer.parseInt(full.group(1));
      of(year, full.group(2), full.group(3)).filter(d -> year >= MIN_YEAR && !d.isAfter(today)).ifPresent(dates::add);
      for (int i = full.start(); i < full.end(); i++) {
        rest.setCharAt(i, ' ');
      }
    }
    Matcher shortForm = SHORT.matcher(rest);
    while (shortForm.find()) {
      String month = shortForm.group(1) != null ? shortForm.group(1) : shortForm.group(3);
      String day = shortForm.group(1) != null ? shortForm.group(2) : shortForm.group(4);
      inferYear(month, day, today).ifPresent(dates::add);
    }
    return dates;
  }

  private static Optional<LocalDate> inferYear(String month, String day, LocalDate today) {
    for (int year = today.getYear(); year >= today.getYear() - 4; year--) {
      Optional<LocalDate> date = of(year, month, day);
      if (date.isPresent() && !date.get().isAfter(today)) {
        return date;
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> of(int year, String month, String day) {
    try {
      return Optional.of(LocalDate.of(year, Integer.parseInt(month), Integer.parseInt(day)));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
