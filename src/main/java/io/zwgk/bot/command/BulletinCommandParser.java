package io.zwgk.bot.command;

import io.zwgk.bot.stats.Periods;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code 月报 …} on normalised text: {@code 预览} and {@code 发布} with an optional month ({@code 2024-04},
 * {@code 2024/4}, {@code 2024年4月}) and issue date after it ({@code 2024-05-06}, {@code 2024年5月6日},
 * {@code 5月6日}), {@code 列表} with an optional month, {@code 添加 <栏目> <文字>} (the 栏目 may be bracketed:
 * {@code 【工作动态】…}), {@code 删除 <编号>}, {@code 数量 <名称> <N>}, {@code 期号 <N>} and {@code 更正 <文字>}, the
 * last four with an optional month first. Anything else after {@code 月报} is a {@link Command.BulletinUsage}.
 */
final class BulletinCommandParser {
  private static final Pattern COMMAND = Pattern.compile("^月报\\s*(.*)$");
  private static final Pattern VERB = Pattern.compile("^(预览|草稿|发布|印发|列表|清单|查看|添加|新增|补充|删除|移除|数量|录入|期号|更正)\\s*(.*)$");
  private static final Pattern PERIOD =
      Pattern.compile("^(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:月份|月)?(?:月报)?$");
  /** A month written before the other arguments of 添加 and 数量: {@code 2024-04 工作动态 …}. */
  private static final Pattern LEADING_PERIOD =
      Pattern.compile("^(\\d{4}\\s*(?:[-/.]|年)\\s*\\d{1,2}\\s*(?:月份|月)?)(?:\\s+|(?<=月)(?=\\D))(.+)$");
  private static final Pattern BRACKETED = Pattern.compile("^[\\[【]([^\\]】]{1,30})[\\]】][\\s:]*(.+)$");
  private static final Pattern PLAIN = Pattern.compile("^([^\\s:]{1,30})[\\s:]+(.+)$");
  private static final Pattern ID = Pattern.compile("^(?:编号)?\\s*[#＃]?\\s*(\\d{1,9})$");
  /** An issue date: {@code 2024-05-06}, {@code 2024/5/6}, {@code 2024年5月6日}, {@code 5月6日}, {@code 5-6}. */
  private static final Pattern DATE = Pattern.compile(
      "^(?:(\\d{4})\\s*(?:[-/.]|年)\\s*)?(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*(?:日|号)?$");
  private static final Pattern NUMBER = Pattern.compile("^第?\\s*(\\d{1,3})\\s*期?$");
  private static final Pattern COUNT = Pattern.compile("^(\\D{1,20}?)\\s*[:=]?\\s*(\\d{1,6})\\s*件?$");

  private BulletinCommandParser() {
  }

  /** The command when {@code text} starts with 月报, otherwise empty. */
  static Optional<Command> parse(String text) {
    Matcher command = COMMAND.matcher(text);
    if (!command.matches()) {
      return Optional.empty();
    }
    String rest = command.group(1).strip();
    Matcher verb = VERB.matcher(rest);
    if (!verb.matches()) {
      return Optional.of(new Command.BulletinUsage(rest));
    }
    String args = verb.group(2).strip();
    Optional<Command> parsed = switch (verb.group(1)) {
      case "预览", "草稿" -> dated(args, Command.BulletinPreview::new);
      case "发布", "印发" -> dated(args, Command.BulletinPublish::new);
      case "期号" -> withPeriod(args, BulletinCommandParser::number);
      case "更正" -> withPeriod(args, (p, words) -> words.isBlank() || PERIOD.matcher(words).matches() ? Optional.empty()
          : Optional.of(new Command.BulletinCorrect(p, words)));
      case "列表", "清单", "查看" -> period(args).map(Command.BulletinList::new);
      case "添加", "新增", "补充" -> withPeriod(args, BulletinCommandParser::add);
      case "删除", "移除" -> remove(args);
      default -> withPeriod(args, BulletinCommandParser::count);
    };
    return Optional.of(parsed.orElseGet(() -> new Command.BulletinUsage(rest)));
  }

  /**
   * Empty month → present-but-empty; a month {@link Periods} accepts (after {@code 2024/4} or {@code 2024年4月} is
   * written as {@code 2024-04}) → that month; anything else → empty (a usage reply that states the month rule).
   */
  private static Optional<Optional<YearMonth>> period(String args) {
    if (args.isEmpty()) {
      return Optional.of(Optional.empty());
    }
    Matcher m = PERIOD.matcher(args);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Periods.tryParse(m.group(1) + "-" + (m.group(2).length() == 1 ? "0" : "") + m.group(2)).map(Optional::of);
  }

  /**
   * The arguments of 添加 or 数量 with an optional month before them: the month, or empty for the default month;
   * a month that {@link Periods} refuses gives no command (a usage reply).
   */
  private static Optional<Command> withPeriod(String args,
      BiFunction<Optional<YearMonth>, String, Optional<Command>> parse) {
    Matcher m = LEADING_PERIOD.matcher(args);
    if (!m.matches()) {
      return parse.apply(Optional.empty(), args);
    }
    return period(m.group(1).strip()).flatMap(p -> p.isEmpty() ? Optional.empty() : parse.apply(p, m.group(2).strip()));
  }

  /**
   * An optional month, then an optional issue date: {@code 2024-04}, {@code 2024-04 2024-05-06},
   * {@code 2024年4月 5月6日}, {@code 5月6日} (the default month). Anything else, or a day that does not exist, gives
   * no command (a usage reply).
   */
  private static Optional<Command> dated(String args,
      BiFunction<Optional<YearMonth>, Optional<IssueDay>, Command> command) {
    Optional<Optional<YearMonth>> period = period(args);
    if (period.isPresent()) {
      return Optional.of(command.apply(period.get(), Optional.empty()));
    }
    Matcher m = LEADING_PERIOD.matcher(args);
    if (m.matches()) {
      return period(m.group(1).strip()).filter(Optional::isPresent)
          .flatMap(p -> day(m.group(2).strip()).map(d -> command.apply(p, Optional.of(d))));
    }
    return day(args).map(d -> command.apply(Optional.empty(), Optional.of(d)));
  }

  private static Optional<IssueDay> day(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    try {
      if (m.group(1) == null) {
        return Optional.of(new IssueDay(Optional.empty(), MonthDay.of(month, day)));
      }
      LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), month, day);
      return Periods.tryParse(YearMonth.from(date).toString()).map(p -> IssueDay.of(date));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<Command> number(Optional<YearMonth> period, String args) {
    Matcher m = NUMBER.matcher(args);
    return m.matches() ? Optional.of(new Command.BulletinNumber(period, Integer.parseInt(m.group(1))))
        : Optional.empty();
  }

  private static Optional<Command> add(Optional<YearMonth> period, String args) {
    Matcher m = BRACKETED.matcher(args);
    if (!m.matches()) {
      m = PLAIN.matcher(args);
    }
    if (!m.matches() || m.group(1).isBlank() || m.group(2).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Command.BulletinAdd(period, m.group(1).strip(), m.group(2).strip()));
  }

  private static Optional<Command> remove(String args) {
    Matcher m = ID.matcher(args);
    return m.matches() ? Optional.of(new Command.BulletinRemove(m.group(1).replaceFirst("^0+(?=\\d)", "")))
        : Optional.empty();
  }

  private static Optional<Command> count(Optional<YearMonth> period, String args) {
    Matcher m = COUNT.matcher(args);
    if (!m.matches() || m.group(1).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new Command.BulletinCount(period, m.group(1).strip(), Integer.parseInt(m.group(2))));
  }
}
