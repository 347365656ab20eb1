package io.zwgk.bot.stats;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Name normalisation and edit distance for matching unit names as officers type them. */
public final class UnitNames {
  private static final Pattern IGNORED = Pattern.compile("[\\s\\p{Z}\\u200B-\\u200D\\u2060\\uFEFF]+");
  private static final List<String> PREFIXES = List.of("信丰县", "赣州市", "县", "市");
  private static final List<String> SUFFIXES = List.of("人民政府", "政府");
  private static final List<String> WORDS_STARTING_WITH_CITY = List.of("市场", "市政");

  private UnitNames() {}

  /** NFKC, stripped of surrounding spaces: the query as shown back to the user. */
  public static String display(String text) {
    return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).strip();
  }

  /** NFKC, all spaces removed, Latin letters lower-cased: the form for exact comparison. */
  public static String compact(String text) {
    return IGNORED.matcher(display(text)).replaceAll("").toLowerCase(Locale.ROOT);
  }

  /**
   * The compact form without the usual prefixes ({@code 县}, {@code 信丰县}, {@code 赣州市}, {@code 市}) and suffix
   * ({@code 政府}, {@code 人民政府}); at least two characters always remain, and {@code 市场…} keeps its {@code 市}.
   */
  public static String key(String text) {
    String key = compact(text);
    String prefix = prefixOf(key);
    while (prefix != null) {
      key = key.substring(prefix.length());
      prefix = prefixOf(key);
    }
    for (String suffix : SUFFIXES) {
      if (key.endsWith(suffix) && key.length() >= suffix.length() + 2) {
        return key.substring(0, key.length() - suffix.length());
      }
    }
    return key;
  }

  private static String prefixOf(String key) {
    for (String prefix : PREFIXES) {
      boolean protectedWord = prefix.equals("市") && WORDS_STARTING_WITH_CITY.stream().anyMatch(key::startsWith);
      if (key.startsWith(prefix) && key.length() >= prefix.length() + 2 && !protectedWord) {
        return prefix;
      }
    }
    return null;
  }

  /** Levenshtein distance over code points. */
  public static int distance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] previous = new int[y.length + 1];
    int[] current = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      current[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length];
  }

  /** Length in code points. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
