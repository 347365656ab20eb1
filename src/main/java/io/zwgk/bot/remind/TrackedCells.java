package io.zwgk.bot.remind;

import io.zwgk.bot.ops.TextNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interprets the cells of a tracked-item table as office staff type them. Stateless and thread-safe. */
final class TrackedCells {
  private static final Pattern DASHED = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
  private static final Pattern CHINESE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
  private static final Pattern TIME = Pattern.compile("( \\d{1,2}:\\d{2}(:\\d{2})?)?");
  private static final Set<String> YES = Set.of("是", "Y", "YES", "TRUE", "1", "√", "✓", "✔");
  private static final Set<String> NO = Set.of("否", "N", "NO", "FALSE", "0", "×", "✗", "✘");
  static final int MIN_YEAR = 2000;
  static final int MAX_YEAR = 2099;

  private TrackedCells() {}

  /** Free text (task, file title, finding): invisible characters dropped, runs of spaces folded to one, trimmed. */
  static String words(String cell) {
    return TextNormalizer.spaced(cell);
  }

  /** A short name (column, account, reference): no spaces at all, full-width forms folded. */
  static String compact(String cell) {
    return TextNormalizer.unspaced(TextNormalizer.widthFolded(cell));
  }

  /**
   * A date as {@code 2024-04-29}, {@code 2024/4/29}, {@code 2024.4.29} or {@code 2024年4月29日} (full-width digits
   * too, a trailing time of day ignored); empty when the text is none of these. Throws {@link DateTimeException}
   * for an impossible day such as 2024-02-30.
   */
  static Optional<LocalDate> date(String cell) {
    String text = TextNormalizer.spaced(TextNormalizer.widthFolded(cell));
    for (Pattern p : new Pattern[] {DASHED, CHINESE}) {
      Matcher m = p.matcher(text);
      if (m.lookingAt() && TIME.matcher(text.substring(m.end())).matches()) {
        int month = Integer.parseInt(m.group(p == DASHED ? 3 : 2));
        int day = Integer.parseInt(m.group(p == DASHED ? 4 : 3));
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), month, day));
      }
    }
    return Optional.empty();
  }

  /** 是/否 and the usual equivalents; an empty cell is 否; empty when the text is neither. */
  static Optional<Boolean> flag(String cell) {
    String text = compact(cell).toUpperCase(Locale.ROOT);
    if (text.isEmpty() || NO.contains(text)) {
      return Optional.of(false);
    }
    return YES.contains(text) ? Optional.of(true) : Optional.empty();
  }

  /** An absolute http or https address with a host; empty when the text is not one. */
  static Optional<String> url(String cell) {
    String text = compact(cell);
    String lower = text.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text);
      return uri.getHost() == null || uri.getRawUserInfo() != null ? Optional.empty() : Optional.of(text);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** At most 20 characters of a typed value, for messages. */
  static String excerpt(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
