package io.zwgk.bot.bulletin;

import io.zwgk.bot.config.ConfigException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulletin's wording from {@code bot-config/bulletin/bulletin.yaml}: texts with {@code {placeholder}}s, the
 * [工作要求] paragraphs, the rectification period, how many reminders make 多次被提醒 and what makes a task 落实较快. Loaded and checked once at start-up: a missing entry, an unknown
 * entry or a placeholder the entry does not offer stops start-up naming the file and entry. Immutable.
 *
 * @param rectificationWorkingDays working days after the issue date that units have to rectify (default 5)
 * @param repeatedReminders days of due-soon reminders in a month after which a unit is named as 多次被提醒 (default 2)
 * @param fastTaskShare a unit done within this share (%) of the window from a task's assignment to its deadline is
 *     落实较快 (default 50: the first half)
 * @param fastTaskWorkingDays a unit done within this many working days of the assignment of a task without a
 *     deadline is 落实较快 (default 3)
 * @param texts entry name (dotted, e.g. {@code letters.inTime}) → text
 * @param requirements the [工作要求] paragraphs, with {@code {days}} and {@code {deadline}}
 */
public record BulletinTemplates(int rectificationWorkingDays, int repeatedReminders, int fastTaskShare,
    int fastTaskWorkingDays, Map<String, String> texts, List<String> requirements) {
  /** The file inside the bulletin template directory. */
  public static final String FILE = "bulletin.yaml";
  static final int DEFAULT_DAYS = 5;
  static final int DEFAULT_REMINDERS = 2;
  static final int DEFAULT_FAST_SHARE = 50;
  static final int DEFAULT_FAST_DAYS = 3;
  static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  static final Set<String> REQUIREMENT_PLACEHOLDERS = Set.of("days", "deadline");
  /** Every text entry and the placeholders it may use. */
  static final Map<String, Set<String>> ENTRIES = entries();

  public BulletinTemplates {
    texts = Map.copyOf(texts);
    requirements = List.copyOf(requirements);
    if (rectificationWorkingDays < 1 || rectificationWorkingDays > 60) {
      throw new IllegalArgumentException("rectificationWorkingDays out of range: " + rectificationWorkingDays);
    }
    if (repeatedReminders < 1 || repeatedReminders > 31) {
      throw new IllegalArgumentException("repeatedReminders out of range: " + repeatedReminders);
    }
    if (fastTaskShare < 1 || fastTaskShare > 100) {
      throw new IllegalArgumentException("fastTaskShare out of range: " + fastTaskShare);
    }
    if (fastTaskWorkingDays < 1 || fastTaskWorkingDays > 60) {
      throw new IllegalArgumentException("fastTaskWorkingDays out of range: " + fastTaskWorkingDays);
    }
    for (String key : ENTRIES.keySet()) {
      Objects.requireNonNull(texts.get(key), key);
    }
  }

  private static Map<String, Set<String>> entries() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("title", Set.of("county", "year", "month"));
    m.put("masthead.issuer", Set.of("county"));
    m.put("preface", Set.of());
    for (String h : List.of("basic", "news", "problems", "requirements")) {
      m.put("headings." + h, Set.of());
    }
    m.put("attachments.county", Set.of());
    m.put("attachments.township", Set.of());
    m.put("overview.published", Set.of("period", "total", "month", "township", "county"));
    m.put("overview.bottom", Set.of("units", "count"));
    m.put("letters.inTime", Set.of("month", "applications", "online"));
    m.put("letters.overdue", Set.of("month", "applications", "online", "units"));
    m.put("monitoring.found", Set.of("items", "count", "units", "unitCount"));
    m.put("monitoring.none", Set.of());
    m.put("monitoring.unit", Set.of("unit", "problems"));
    m.put("monitoring.account", Set.of("account", "period"));
    m.put("monitoring.column", Set.of("column", "period"));
    m.put("monitoring.finding", Set.of("page", "count", "problem"));
    for (String label : List.of("brokenLink", "brokenImage", "privacy", "guide", "typo", "site",
        "guidePage")) {
      m.put("monitoring.labels." + label, Set.of());
    }
    m.put("tasks.paragraph", Set.of("task", "text"));
    m.put("tasks.prompted", Set.of("assigned", "deadline", "requirement", "units"));
    m.put("tasks.due", Set.of("deadline", "requirement", "units"));
    m.put("tasks.noDeadline", Set.of("assigned", "requirement", "units"));
    for (String grade : List.of("fast", "onTime", "late", "missed")) {
      m.put("tasks." + grade, Set.of("units"));
    }
    m.put("tasks.allTownships", Set.of("count"));
    m.put("tasks.allCounty", Set.of("count"));
    m.put("tasks.groupsAndUnits", Set.of("groups", "units"));
    m.put("policies.heading", Set.of());
    m.put("policies.missing", Set.of("date", "unit", "title"));
    m.put("problems.group", Set.of("category", "items"));
    m.put("problems.none", Set.of());
    m.put("problems.defaultCategory", Set.of());
    m.put("problems.leadWithUnit", Set.of("lead", "unit"));
    for (String group : List.of("columns", "links", "accounts", "guide", "privacy", "typos")) {
      m.put("problems." + group + ".category", Set.of());
      m.put("problems." + group + ".paragraph", Set.of("category", "items"));
    }
    m.put("problems.columns.overdue", Set.of("date", "unit", "column"));
    m.put("problems.columns.reminded", Set.of("units", "column"));
    m.put("problems.links.image", Set.of("date", "unit", "page"));
    m.put("problems.links.link", Set.of("units", "page"));
    m.put("problems.links.also", Set.of());
    m.put("problems.accounts.closing", Set.of("unit", "account", "count"));
    m.put("problems.accounts.closingUnreminded", Set.of("unit", "account"));
    m.put("problems.guide.wrong", Set.of("units", "field", "expected", "found"));
    m.put("problems.guide.missing", Set.of("units", "field", "expected"));
    m.put("problems.privacy.item", Set.of("date", "unit", "page", "what"));
    m.put("problems.typos.item", Set.of("date", "unit", "page", "what"));
    return Collections.unmodifiableMap(m);
  }

  /**
   * Loads {@value #FILE} from {@code dir} (normally {@code bot-config/bulletin}).
   *
   * @throws ConfigException listing every problem, each naming the file and entry
   */
  public static BulletinTemplates load(Path dir) {
    return TemplatesFile.load(dir.resolve(FILE));
  }

  /** The entry's text with its placeholders filled; placeholders without a value stay as written. */
  public String fill(String key, Map<String, String> values) {
    return replace(text(key), values);
  }

  /** The entry's text as written. */
  public String text(String key) {
    String text = texts.get(key);
    if (text == null) {
      throw new IllegalArgumentException("no bulletin template entry " + key);
    }
    return text;
  }

  /** The [工作要求] paragraphs with the rectification period and deadline filled in. */
  public List<String> requirements(String deadline) {
    Map<String, String> values = Map.of("days", String.valueOf(rectificationWorkingDays), "deadline", deadline);
    return requirements.stream().map(r -> replace(r, values)).toList();
  }

  private static String replace(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    return m.appendTail(out).toString();
  }
}
