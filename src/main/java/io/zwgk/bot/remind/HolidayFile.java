package io.zwgk.bot.remind;

import io.zwgk.bot.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and strictly validates {@code holidays-cn.csv}. Every problem names the file, the line and the field, and all
 * of them are reported together in one {@link ConfigException}.
 */
final class HolidayFile {
  static final String HEADER = "date,dow,status,festival,notice_year,note";
  private static final int FIELDS = 6;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern YEAR = Pattern.compile("[12][0-9]{3}");
  private static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  private final String display;
  private final List<String> errors = new ArrayList<>();
  private final Map<LocalDate, Integer> lineOfDate = new HashMap<>();
  private final List<HolidayDay> days = new ArrayList<>();

  private HolidayFile(String display) {
    this.display = display;
  }

  /** The rows of the file, in file order; throws {@link ConfigException} listing every problem. */
  static List<HolidayDay> read(Path csv, String display) {
    HolidayFile file = new HolidayFile(display);
    file.parse(file.text(csv));
    if (!file.errors.isEmpty()) {
      throw new ConfigException(file.errors);
    }
    return List.copyOf(file.days);
  }

  private String text(Path csv) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(csv))).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new ConfigException(display + ": not UTF-8 text; save the file with UTF-8 encoding");
    } catch (IOException e) {
      throw new ConfigException(display + ": cannot be read: " + e.getMessage());
    }
  }

  private void parse(String text) {
    String[] lines = text.split("\\R", -1);
    if (!lines[0].strip().equals(HEADER)) {
      throw new ConfigException(display + ": line 1: header must be " + HEADER);
    }
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        row(i + 1, lines[i]);
      }
    }
    if (days.isEmpty() && errors.isEmpty()) {
      errors.add(display + ": no rows after the header");
    }
  }

  private void row(int line, String text) {
    Optional<List<String>> split = CsvLine.split(text);
    if (split.isEmpty()) {
      error(line, "", "a quoted field is not closed");
      return;
    }
    List<String> f = split.orElseThrow();
    if (f.size() != FIELDS) {
      error(line, "", "expected " + FIELDS + " fields (" + HEADER + ") but found " + f.size());
      return;
    }
    Optional<LocalDate> date = date(line, f.get(0));
    Optional<Boolean> working = status(line, f.get(2));
    Optional<Integer> noticeYear = noticeYear(line, f.get(4));
    if (f.get(3).isEmpty()) {
      error(line, "festival", "must not be empty");
    }
    date.ifPresent(d -> checkDate(line, d, f.get(1), working, noticeYear));
    if (date.isPresent() && working.isPresent() && noticeYear.isPresent()) {
      days.add(new HolidayDay(date.get(), working.get(), noticeYear.get()));
    }
  }

  private void checkDate(int line, LocalDate date, String dow, Optional<Boolean> working, Optional<Integer> notice) {
    Integer first = lineOfDate.putIfAbsent(date, line);
    if (first != null) {
      error(line, "date", date + " is listed twice (first on line " + first + ")");
    }
    String actual = name(date.getDayOfWeek());
    if (!DAY_NAMES.contains(dow)) {
      error(line, "dow", "must be one of " + String.join(", ", DAY_NAMES) + ": \"" + dow + "\"");
    } else if (!dow.equals(actual)) {
      error(line, "dow", date + " is a " + actual + ", not " + dow);
    }
    if (working.orElse(false) && !isWeekend(date)) {
      error(line, "status", "work (调休上班) must fall on a Saturday or Sunday, but " + date + " is a " + actual);
    }
    notice.filter(y -> !fits(date, y)).ifPresent(y -> error(line, "notice_year", y + " does not fit " + date
        + "; use the date's year, or the next year for a December date"));
  }

  private Optional<LocalDate> date(int line, String text) {
    try {
      return Optional.of(LocalDate.parse(text, DATE));
    } catch (DateTimeParseException e) {
      error(line, "date", "not a date in YYYY-MM-DD form: \"" + text + "\"");
      return Optional.empty();
    }
  }

  private Optional<Boolean> status(int line, String text) {
    if (text.equals("off") || text.equals("work")) {
      return Optional.of(text.equals("work"));
    }
    error(line, "status", "must be off or work");
    return Optional.empty();
  }

  private Optional<Integer> noticeYear(int line, String text) {
    if (YEAR.matcher(text).matches()) {
      return Optional.of(Integer.parseInt(text));
    }
    error(line, "notice_year", "must be a four-digit year such as 2024: \"" + text + "\"");
    return Optional.empty();
  }

  private static boolean fits(LocalDate date, int noticeYear) {
    return noticeYear == date.getYear() || noticeYear == date.getYear() + 1 && date.getMonthValue() == 12;
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  private static String name(DayOfWeek day) {
    return DAY_NAMES.get(day.getValue() - 1);
  }

  private void error(int line, String field, String message) {
    errors.add(display + ": line " + line + ": " + (field.isEmpty() ? "" : field + ": ") + message);
  }
}
