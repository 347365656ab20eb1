package io.zwgk.bot.bulletin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How staff-written items join the generated text: a ● paragraph of 基本情况 is matched by its name (brackets,
 * quotes, {@code ●}, {@code 。} and a trailing {@code 情况} ignored), so items for {@code 常态化监测} follow the
 * generated 常态化监测情况 paragraph and items for a name no data holds ({@code “十县百乡”建设情况}) make a paragraph
 * of their own, headed {@code ●<栏目>。}. Also the small date and text helpers the composer shares.
 */
final class Narrative {
  static final String BULLET = "●";
  private static final Pattern DECORATION = Pattern.compile("[\\[\\]【】●。“”\"‘’「」\\s]");
  private static final int MAX_HEADING = 30;

  private Narrative() {
  }

  /** The comparison key of a 栏目 or a paragraph heading. */
  static String key(String name) {
    String k = DECORATION.matcher(name).replaceAll("");
    return k.endsWith("情况") && k.length() > 2 ? k.substring(0, k.length() - 2) : k;
  }

  /** The 栏目 as shown in a heading: without brackets, bullet or closing stop. */
  static String display(String section) {
    return section.strip().replaceAll("^[\\[【●]+|[\\]】。]+$", "").strip();
  }

  /** The heading of a generated paragraph: the text between {@code ●} and the first {@code 。}. */
  static String heading(String paragraph) {
    int stop = paragraph.indexOf('。');
    return stop < 0 ? "" : paragraph.substring(0, stop);
  }

  /**
   * Splits {@code 栏目更新不及时。栏目更新是…} into its heading and body; a text without a short heading before its first
   * {@code 。} (or {@code :}) has none.
   */
  static String[] split(String text) {
    String t = text.strip().replaceFirst("^" + BULLET, "");
    for (int i = 0; i < t.length() && i <= MAX_HEADING; i++) {
      char c = t.charAt(i);
      if ((c == '。' || c == ':') && i > 0 && i < t.length() - 1) {
        return new String[] {t.substring(0, i), t.substring(i + 1).strip()};
      }
    }
    return new String[] {"", t};
  }

  /** A bullet paragraph: the text with one leading {@code ●}. */
  static String bullet(String text) {
    String t = text.strip();
    return t.startsWith(BULLET) ? t : BULLET + t;
  }

  /** Whether two 栏目 keys name the same paragraph: equal, or one starts with the other ({@code 十县百乡建设}). */
  static boolean same(String a, String b) {
    return a.equals(b) || Math.min(a.length(), b.length()) >= 2 && (a.startsWith(b) || b.startsWith(a));
  }

  /** Items grouped by 栏目 ({@link #same}), groups and items in the order they were added (ids ascending). */
  static Map<String, List<NarrativeItem>> byKey(List<NarrativeItem> items) {
    Map<String, List<NarrativeItem>> groups = new LinkedHashMap<>();
    for (NarrativeItem i : items.stream().sorted(BY_ID).toList()) {
      String key = key(i.section());
      String group = groups.keySet().stream().filter(k -> same(k, key)).findFirst().orElse(key);
      groups.computeIfAbsent(group, k -> new ArrayList<>()).add(i);
    }
    return groups;
  }

  /** Removes and answers the group written for {@code heading}, empty when there is none. */
  static List<NarrativeItem> take(Map<String, List<NarrativeItem>> groups, String heading) {
    String key = key(heading);
    return groups.keySet().stream().filter(k -> same(k, key)).findFirst().map(groups::remove).orElse(List.of());
  }

  static final Comparator<NarrativeItem> BY_ID =
      Comparator.comparingLong((NarrativeItem i) -> numeric(i.id())).thenComparing(NarrativeItem::id);

  private static long numeric(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** A data paragraph followed by the texts of the items written for it. */
  static List<String> withItems(String paragraph, List<NarrativeItem> items) {
    List<String> out = new ArrayList<>(List.of(paragraph));
    items.forEach(i -> out.add(i.text().strip()));
    return out;
  }

  /** Items for a paragraph no data holds: the first headed {@code ●<栏目>。}, the others as they are. */
  static List<String> ownParagraph(List<NarrativeItem> items) {
    List<String> out = new ArrayList<>();
    for (NarrativeItem i : items) {
      String text = i.text().strip();
      boolean headed = out.isEmpty() && !text.startsWith(BULLET);
      out.add(headed ? BULLET + display(i.section()) + "。" + text : text);
    }
    return out;
  }

  /** {@code 2024年5月10日}. */
  static String day(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  /** {@code 4月30日} within the period's year, else with the year. */
  static String day(LocalDate date, YearMonth period) {
    return date.getYear() == period.getYear() ? date.getMonthValue() + "月" + date.getDayOfMonth() + "日" : day(date);
  }

  /** A deadline: {@code 4月底} for a month's last day, else as {@link #day(LocalDate, YearMonth)}. */
  static String deadline(LocalDate date, YearMonth period) {
    String month = date.getYear() == period.getYear() ? date.getMonthValue() + "月"
        : date.getYear() + "年" + date.getMonthValue() + "月";
    return date.equals(date.withDayOfMonth(date.lengthOfMonth())) ? month + "底" : day(date, period);
  }

  /** Names joined with {@code 、}. */
  static String names(List<String> names) {
    return String.join("、", names);
  }
}
