package io.zwgk.bot.command;

import io.zwgk.bot.ops.TextNormalizer;
import io.zwgk.bot.stats.Category;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the text of a chat message into a {@link Command}. Pure and thread-safe: NFKC-normalises (full-width letters,
 * digits and spaces), reads traditional characters as simplified, drops leading {@code @mention} tokens (also one glued
 * to the command: {@code @机器人完成率}) and surrounding spaces, corrects a command word one character off
 * ({@code 完成律} → {@code 完成率}), then matches the command words; statistics questions may end in a month.
 */
public final class CommandParser {
  /** Blanks and punctuation trimmed off both ends of an argument (a scan, not a regex: linear on any input). */
  private static final String EDGE_PUNCTUATION = " \t\n\u000B\f\r:;,.、。!?「」『』“”\"'‘’《》<>【】[]";
  private static final Set<String> OWN_UNIT = Set.of("我", "我的", "本单位", "我单位", "我们单位");
  private static final Pattern BIND = Pattern.compile("^绑定(?:单位)?(.*)$");
  private static final Pattern COMPLETION_FIRST = Pattern.compile("^(?:我的)?(?:完成率|完成情况)(.*)$");
  private static final Pattern COMPLETION_LAST = Pattern.compile("^(.+?)的?(?:完成率|完成情况)$");
  private static final Pattern RANKING_FIRST = Pattern.compile("^(?:排名|排行榜|排行)(.*)$");
  private static final Pattern RANKING_LAST = Pattern.compile("^(.*?)的?(?:完成率)?(?:排名|排行榜|排行)$");
  private static final Pattern CATEGORY_PREFIX = Pattern.compile("^(?:县直单位|县直部门|县直)");
  /** The words a command starts with: the table's, those that are Chinese characters only. */
  static final List<String> COMMAND_WORDS = CommandTable.FAMILIES.stream().flatMap(f -> f.words().stream())
      .filter(w -> w.codePoints().allMatch(Character::isIdeographic)).distinct().toList();

  private CommandParser() {}

  /**
   * Parses one message text; never returns null, unrecognised or empty text gives {@link Command.Unknown}. The
   * families of {@link CommandTable} whose word the text starts with are asked first, then (for {@code 水利局完成率},
   * {@code 县直末五位}, {@code 网站检查 …}) every other family; each time in the table's order, the first grammar that
   * matches gives the command.
   */
  public static Command parse(String rawText) {
    String text = correctFirstWord(normalize(rawText));
    String lower = text.toLowerCase(Locale.ROOT);
    List<CommandFamily> leading = CommandTable.FAMILIES.stream()
        .filter(f -> f.words().stream().anyMatch(lower::startsWith)).toList();
    return Stream.concat(leading.stream(), CommandTable.FAMILIES.stream().filter(f -> !leading.contains(f)))
        .map(f -> f.parse(text)).flatMap(Optional::stream).findFirst()
        .orElseGet(() -> new Command.Unknown(text));
  }

  /** The text without spaces, lower case: how single-word commands are compared. */
  static String compact(String text) {
    return text.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** {@code 帮助} and its aliases, also {@code 帮助} followed by anything. */
  static Optional<Command> help(String text, List<String> words) {
    String compact = compact(text);
    return words.contains(compact) || compact.startsWith(words.get(0)) ? Optional.of(new Command.Help())
        : Optional.empty();
  }

  /** One of {@code words} exactly, spaces ignored: the command {@code make} gives. */
  static Optional<Command> exact(String text, List<String> words, Supplier<Command> make) {
    return words.contains(compact(text)) ? Optional.of(make.get()) : Optional.empty();
  }

  /** {@code 末五位 [月份]}, also after a category word ({@code 县直末五位}). */
  static Optional<Command> bottomFive(String text, List<String> words) {
    MonthQuery.Split dated = MonthQuery.split(compact(text));
    return words.contains(CATEGORY_PREFIX.matcher(dated.rest()).replaceFirst(""))
        ? Optional.of(new Command.BottomFive(dated.month())) : Optional.empty();
  }

  /** {@code 概况 [月份]}. */
  static Optional<Command> overview(String text, List<String> words) {
    MonthQuery.Split dated = MonthQuery.split(compact(text));
    return words.contains(dated.rest()) ? Optional.of(new Command.Overview(dated.month())) : Optional.empty();
  }

  /**
   * NFKC, traditional read as simplified, invisible characters removed, whitespace collapsed and stripped, leading
   * {@code @name} tokens dropped; a mention glued to a command word ({@code @机器人完成率}) keeps the command.
   */
  static String normalize(String raw) {
    String text = TextNormalizer.message(raw);
    int from = 0;
    while (from < text.length() && text.charAt(from) == '@') {
      int space = text.indexOf(' ', from);
      int end = space < 0 ? text.length() : space;
      int glued = gluedCommand(text, from + 1, end);
      if (glued >= 0) {
        return text.substring(glued);
      }
      from = space < 0 ? text.length() : space + 1;
    }
    return text.substring(from);
  }

  /**
   * Where a command word glued to the end of the mention token {@code text[from, end)} starts ({@code @机器人完成率}),
   * else -1. Only the end counts: a robot or person whose name merely contains a command word ({@code @政务公开检查助手},
   * {@code @王整改}) is a mention like any other.
   */
  private static int gluedCommand(String text, int from, int end) {
    for (int i = from + 1; i < end; i++) {
      for (String word : COMMAND_WORDS) {
        if (i + word.length() == end && text.startsWith(word, i)) {
          return i;
        }
      }
    }
    return -1;
  }

  /**
   * The text with its first word replaced by the command word it misses by one character (substituted, or two
   * neighbours swapped), when that word has at least three characters and the first word is no command word itself.
   */
  static String correctFirstWord(String text) {
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    if (first.length() < 3 || COMMAND_WORDS.contains(first)) {
      return text;
    }
    for (String word : COMMAND_WORDS) {
      if (word.length() >= 3 && oneCharacterOff(first, word)) {
        return word + text.substring(first.length());
      }
    }
    return text;
  }

  private static boolean oneCharacterOff(String typed, String word) {
    if (typed.length() != word.length()) {
      return false;
    }
    int first = -1;
    int differences = 0;
    for (int i = 0; i < typed.length(); i++) {
      if (typed.charAt(i) != word.charAt(i)) {
        differences++;
        first = first < 0 ? i : first;
      }
    }
    boolean swapped = differences == 2 && first + 1 < typed.length() && typed.charAt(first) == word.charAt(first + 1)
        && typed.charAt(first + 1) == word.charAt(first);
    return differences == 1 || swapped;
  }

  /** {@code 绑定 <单位>}. */
  static Optional<Command> bind(String text) {
    Matcher bind = BIND.matcher(text);
    return bind.matches() ? argument(bind.group(1)).map(Command.Bind::new) : Optional.empty();
  }

  /** {@code 排名 [类别] [月份]}, also {@code 乡镇排名}; a unit in place of the category asks its completion. */
  static Optional<Command> ranking(String text) {
    MonthQuery.Split dated = MonthQuery.split(text);
    Matcher ranking = firstMatching(dated.rest(), RANKING_FIRST, RANKING_LAST);
    return ranking == null ? Optional.empty() : Optional.of(ranking(argument(ranking.group(1)), dated.month()));
  }

  /** {@code 完成率 [单位] [月份]}, also {@code 水利局完成率}; not a ranking question ({@code 完成率排名}). */
  static Optional<Command> completion(String text) {
    MonthQuery.Split dated = MonthQuery.split(text);
    if (firstMatching(dated.rest(), RANKING_FIRST, RANKING_LAST) != null) {
      return Optional.empty();
    }
    Matcher completion = firstMatching(dated.rest(), COMPLETION_FIRST, COMPLETION_LAST);
    return completion == null ? Optional.empty()
        : Optional.of(completion(argument(completion.group(1)), dated.month()));
  }

  private static Matcher firstMatching(String text, Pattern first, Pattern last) {
    Matcher m = first.matcher(text);
    if (m.matches()) {
      return m;
    }
    m = last.matcher(text);
    return m.matches() ? m : null;
  }

  private static Command ranking(Optional<String> argument, MonthQuery month) {
    if (argument.isEmpty()) {
      return new Command.Ranking(Optional.empty(), month);
    }
    Optional<Category> category = Category.parse(argument.get().replace(" ", ""));
    return category.<Command>map(c -> new Command.Ranking(Optional.of(c), month))
        .orElseGet(() -> completion(argument, month));
  }

  private static Command completion(Optional<String> argument, MonthQuery month) {
    return argument
        .filter(a -> !OWN_UNIT.contains(a.replace(" ", "")))
        .map(Command.Completion::of)
        .orElseGet(Command.Completion::ofMine)
        .in(month);
  }

  private static Optional<String> argument(String rest) {
    int start = 0;
    int end = rest.length();
    while (start < end && EDGE_PUNCTUATION.indexOf(rest.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && EDGE_PUNCTUATION.indexOf(rest.charAt(end - 1)) >= 0) {
      end--;
    }
    return start == end ? Optional.empty() : Optional.of(rest.substring(start, end));
  }
}
