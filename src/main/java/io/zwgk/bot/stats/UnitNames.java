package io.zwgk.bot.stats;

import io.zwgk.bot.ops.TextNormalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Name normalisation and edit distance for matching unit names as officers type them. The text-level forms
 * ({@link #display}, {@link #compact}) are the same for every county; the forms without prefixes ({@link #bare},
 * {@link #key}) drop the county's own place names, which come from bot-config ({@code office.yaml}: {@code county},
 * {@code city}), then the generic {@code 县} and {@code 市}. Immutable and thread-safe.
 *
 * @param placeNames the county's and its city's names a unit name may start with, e.g. {@code 信丰县}, {@code 赣州市}
 */
public record UnitNames(List<String> placeNames) {
  /** No county configured: only {@code 县} and {@code 市} are prefixes. */
  public static final UnitNames NONE = new UnitNames(List.of());

  private static final List<String> GENERIC_PREFIXES = List.of("县", "市");
  private static final List<String> SUFFIXES = List.of("人民政府", "政府");
  private static final List<String> WORDS_STARTING_WITH_CITY = List.of("市场", "市政");

  public UnitNames {
    placeNames = List.copyOf(placeNames);
    if (placeNames.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a blank place name: " + placeNames);
    }
  }

  /** NFKC, stripped of surrounding spaces: the query as shown back to the user. */
  public static String display(String text) {
    return TextNormalizer.widthFolded(text).strip();
  }

  /** NFKC, all spaces and invisible characters removed, Latin letters lower-cased: the form for exact comparison. */
  public static String compact(String text) {
    return TextNormalizer.unspaced(TextNormalizer.widthFolded(text)).toLowerCase(Locale.ROOT);
  }

  /**
   * The {@link #compact} form without prefixes and suffix, as {@link #bare}: the form a query is matched against
   * names and aliases in ({@code 信丰县 水利局} → {@code 水利局}).
   */
  public String key(String text) {
    return bare(compact(text));
  }

  /**
   * {@code name} as written, without its leading place names (the configured ones, then {@code 县} and {@code 市}, as
   * often as they repeat) and one trailing {@code 政府} or {@code 人民政府}; at least two characters always remain, and
   * {@code 市场…} and {@code 市政…} keep their {@code 市}. Not compacted, unlike {@link #key}, so that the form can be
   * searched for in running text ({@code 赣州市信丰生态环境局} → {@code 信丰生态环境局}, {@code 大阿镇政府} → {@code 大阿镇}).
   */
  public String bare(String name) {
    String key = name;
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

  private String prefixOf(String key) {
    return Stream.concat(placeNames.stream(), GENERIC_PREFIXES.stream())
        .filter(p -> key.startsWith(p) && key.length() >= p.length() + 2)
        .filter(p -> !p.equals("市") || WORDS_STARTING_WITH_CITY.stream().noneMatch(key::startsWith))
        .findFirst().orElse(null);
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
