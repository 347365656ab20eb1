package io.zwgk.bot.command;

import io.zwgk.bot.command.Command.WorkdaysProblem;
import io.zwgk.bot.remind.WorkCalendar;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code 工作日 <日期> <N>} on normalised text. Dates as {@code 2024-04-30}, {@code 2024/4/30}, {@code 2024.4.30}
 * or {@code 2024年4月30日}; N optionally followed by {@code 个} or {@code 个工作日}.
 */
final class WorkdaysParser {
  private static final Pattern COMMAND = Pattern.compile("^(?:计算|算)?工作日(?:计算)?(.*)$");
  private static final Pattern LEADING = Pattern.compile("^[\\s:：,，]+");
  private static final String DATE = "(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})(?!\\d)\\s*日?";
  private static final Pattern DATE_ONLY = Pattern.compile("^" + DATE + "$");
  private static final Pattern DATE_AND_COUNT =
      Pattern.compile("^" + DATE + "\\s*(?:起|后|之后|\\+|加)?\\s*(\\d{1,9})\\s*(?:个工作日|个)?$");

  private WorkdaysParser() {
  }

  /** The command when {@code text} starts with 工作日, otherwise empty. */
  static Optional<Command> parse(String text) {
    Matcher command = COMMAND.matcher(text);
    if (!command.matches()) {
      return Optional.empty();
    }
    String args = LEADING.matcher(command.group(1)).replaceFirst("").strip();
    return Optional.of(arguments(args));
  }

  private static Command arguments(String args) {
    if (args.isEmpty()) {
      return usage(WorkdaysProblem.MISSING_ARGUMENTS, args);
    }
    Matcher full = DATE_AND_COUNT.matcher(args);
    if (full.matches()) {
      return workdays(full, args);
    }
    Matcher dateOnly = DATE_ONLY.matcher(args);
    if (dateOnly.matches()) {
      return date(dateOnly).isPresent() ? usage(WorkdaysProblem.MISSING_COUNT, args)
          : usage(WorkdaysProblem.NO_SUCH_DATE, args);
    }
    return usage(WorkdaysProblem.UNREADABLE, args);
  }

  private static Command workdays(Matcher m, String args) {
    Optional<LocalDate> start = date(m);
    if (start.isEmpty()) {
      return usage(WorkdaysProblem.NO_SUCH_DATE, args);
    }
    int year = start.get().getYear();
    if (year < WorkCalendar.MIN_QUERY_YEAR || year > WorkCalendar.MAX_QUERY_YEAR) {
      return usage(WorkdaysProblem.YEAR_OUT_OF_RANGE, args);
    }
    int n = Integer.parseInt(m.group(4));
    if (n < 1 || n > WorkCalendar.MAX_QUERY_DAYS) {
      return usage(WorkdaysProblem.COUNT_OUT_OF_RANGE, args);
    }
    return new Command.Workdays(start.get(), n);
  }

  private static Optional<LocalDate> date(Matcher m) {
    try {
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Command usage(WorkdaysProblem problem, String args) {
    return new Command.WorkdaysUsage(problem, args);
  }
}
