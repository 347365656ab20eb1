package io.zwgk.bot.remind;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The update-frequency classes of a website column (domain rules §7.2) and the names office staff write for them: a
 * class such as {@code 动态/要闻类} answers to its full name and to each part between slashes, with or without the
 * trailing 类 ({@code 动态}, {@code 要闻类}). Stored items carry the canonical label.
 */
final class ColumnClasses {
  static final String NEWS = "动态/要闻类";
  static final String NOTICES = "通知公告/政策文件类";
  static final String PLANS = "人事/规划计划类";
  static final List<String> ALL = List.of(NEWS, NOTICES, PLANS);

  private ColumnClasses() {
  }

  /** The canonical label of one of the three standard classes for a cell text, as the tracked import reads it. */
  static Optional<String> canonical(String compact) {
    String name = bare(compact.replace('、', '/'));
    return ALL.stream().filter(c -> names(c).contains(name)).findFirst();
  }

  /** Every name a column class key answers to, normalised. */
  static List<String> names(String key) {
    List<String> names = new ArrayList<>();
    names.add(bare(key));
    for (String part : key.split("[/、]")) {
      if (!part.isBlank() && !names.contains(bare(part))) {
        names.add(bare(part));
      }
    }
    return names;
  }

  /** A name as {@link #names} gives it: stripped, lower case, without a trailing 类. */
  static String bare(String name) {
    String s = name.strip().toLowerCase(Locale.ROOT);
    return s.endsWith("类") ? s.substring(0, s.length() - 1).strip() : s;
  }

  /** The {@code columns} mapping of {@code reminders.yaml}: class name to ISO period, no name shared by two classes. */
  static Map<String, Period> parse(Map<String, String> entries, RuleChecks errors) {
    Map<String, Period> columns = new LinkedHashMap<>();
    Map<String, String> owners = new LinkedHashMap<>();
    entries.forEach((key, value) -> {
      String path = "columns." + key;
      if (key.isBlank()) {
        errors.add("columns", "a column class needs a name");
        return;
      }
      for (String name : names(key)) {
        String other = owners.putIfAbsent(name, key);
        if (other != null) {
          errors.add(path, "\"" + name + "\" also names column class " + other);
        }
      }
      columns.put(key.strip(), errors.period(path, value));
    });
    return columns;
  }
}
