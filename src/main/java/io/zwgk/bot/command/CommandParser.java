package io.zwgk.bot.command;

import io.zwgk.bot.stats.Category;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a chat message into a {@link Command}. Pure and thread-safe: NFKC-normalises (full-width letters,
 * digits and spaces), drops leading {@code @mention} tokens and surrounding spaces, then matches the command words.
 */
public final class CommandParser {
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
  /** Blanks and punctuation trimmed off both ends of an argument (a scan, not a regex: linear on any input). */
  private static final String EDGE_PUNCTUATION = " \t\n\u000B\f\r:;,.、。!?「」『』“”\"'‘’《》<>【】[]";
  private static final Set<String> HELP = Set.of("帮助", "help", "?", "菜单", "命令", "说明", "使用说明");
  private static final Set<String> BOTTOM_FIVE =
      Set.of("末五位", "末五名", "后五位", "后五名", "倒数五位", "倒数五名", "末5位", "末5名", "后5位", "后5名", "倒数5名");
  private static final Set<String> OVERVIEW = Set.of("概况", "信息发布情况", "发布情况", "总体情况");
  private static final Set<String> UNBIND = Set.of("解绑", "解除绑定", "取消绑定");
  private static final Set<String> OWN_UNIT = Set.of("我", "我的", "本单位", "我单位", "我们单位");
  private static final Pattern BIND = Pattern.compile("^绑定(?:单位)?(.*)$");
  private static final Pattern COMPLETION_FIRST = Pattern.compile("^(?:我的)?(?:完成率|完成情况)(.*)$");
  private static final Pattern COMPLETION_LAST = Pattern.compile("^(.+?)的?(?:完成率|完成情况)$");
  private static final Pattern RANKING_FIRST = Pattern.compile("^(?:排名|排行榜|排行)(.*)$");
  private static final Pattern RANKING_LAST = Pattern.compile("^(.*?)的?(?:完成率)?(?:排名|排行榜|排行)$");
  private static final Pattern CATEGORY_PREFIX = Pattern.compile("^(?:县直单位|县直部门|县直)");

  private CommandParser() {}

  /** Parses one message text; never returns null, unrecognised or empty text gives {@link Command.Unknown}. */
  public static Command parse(String rawText) {
    String text = normalize(rawText);
    String compact = text.replace(" ", "").toLowerCase(Locale.ROOT);
    if (HELP.contains(compact) || compact.startsWith("帮助")) {
      return new Command.Help();
    }
    if (UNBIND.contains(compact)) {
      return new Command.Unbind();
    }
    if (BOTTOM_FIVE.contains(CATEGORY_PREFIX.matcher(compact).replaceFirst(""))) {
      return new Command.BottomFive();
    }
    if (OVERVIEW.contains(compact)) {
      return new Command.Overview();
    }
    return BulletinCommandParser.parse(text)
        .or(() -> WorkdaysParser.parse(text))
        .or(() -> ReminderCommandParser.parse(text))
        .or(() -> CheckParser.parse(text))
        .or(() -> parseWithArgument(text))
        .orElseGet(() -> new Command.Unknown(text));
  }

  /** NFKC, invisible characters removed, whitespace collapsed and stripped, leading {@code @name} tokens dropped. */
  static String normalize(String raw) {
    if (raw == null) {
      return "";
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    text = INVISIBLE.matcher(text).replaceAll("");
    text = SPACES.matcher(text).replaceAll(" ").strip();
    int from = 0;
    while (from < text.length() && text.charAt(from) == '@') {
      int space = text.indexOf(' ', from);
      from = space < 0 ? text.length() : space + 1;
    }
    return text.substring(from);
  }

  private static Optional<Command> parseWithArgument(String text) {
    Matcher bind = BIND.matcher(text);
    if (bind.matches()) {
      return argument(bind.group(1)).map(Command.Bind::new);
    }
    Matcher ranking = firstMatching(text, RANKING_FIRST, RANKING_LAST);
    if (ranking != null) {
      return Optional.of(ranking(argument(ranking.group(1))));
    }
    Matcher completion = firstMatching(text, COMPLETION_FIRST, COMPLETION_LAST);
    if (completion != null) {
      return Optional.of(completion(argument(completion.group(1))));
    }
    return Optional.empty();
  }

  private static Matcher firstMatching(String text, Pattern first, Pattern last) {
    Matcher m = first.matcher(text);
    if (m.matches()) {
      return m;
    }
    m = last.matcher(text);
    return m.matches() ? m : null;
  }

  private static Command ranking(Optional<String> argument) {
    if (argument.isEmpty()) {
      return new Command.Ranking(Optional.empty());
    }
    Optional<Category> category = Category.parse(argument.get().replace(" ", ""));
    return category.<Command>map(c -> new Command.Ranking(Optional.of(c)))
        .orElseGet(() -> completion(argument));
  }

  private static Command completion(Optional<String> argument) {
    return argument
        .filter(a -> !OWN_UNIT.contains(a.replace(" ", "")))
        .<Command>map(Command.Completion::of)
        .orElseGet(Command.Completion::ofMine);
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
