package io.zwgk.bot.remind;

import com.fasterxml.jackson.databind.JsonNode;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code schedules} of {@code reminders.yaml}, and kind names there: the import path ({@code letters}) or the
 * Chinese label ({@code 依申请公开}).
 */
final class RulesSchedules {
  static final String NAMES = Arrays.stream(TrackedKind.values()).map(TrackedKind::path)
      .collect(Collectors.joining(", "));

  private RulesSchedules() {
  }

  static Optional<TrackedKind> kind(String name) {
    String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(TrackedKind.values())
        .filter(k -> k.path().equals(wanted) || k.label().equals(wanted))
        .findFirst();
  }

  /** A schedule's {@code kinds}: {@code all} (also when omitted) or a list of kind names. */
  static Set<TrackedKind> parse(JsonNode node, String path, RuleChecks error) {
    if (node == null || node.isNull() || node.isTextual() && node.asText().strip().equalsIgnoreCase("all")) {
      return EnumSet.allOf(TrackedKind.class);
    }
    if (!node.isArray() || node.isEmpty()) {
      error.add(path, "use all, or a list of kinds such as [letters, findings] (kinds: " + NAMES + ")");
      return EnumSet.allOf(TrackedKind.class);
    }
    Set<TrackedKind> kinds = EnumSet.noneOf(TrackedKind.class);
    for (int i = 0; i < node.size(); i++) {
      Optional<TrackedKind> kind = node.get(i).isTextual() ? kind(node.get(i).asText()) : Optional.empty();
      if (kind.isEmpty()) {
        error.add(path + "[" + i + "]", "unknown kind " + node.get(i) + "; use one of " + NAMES);
      } else if (!kinds.add(kind.get())) {
        error.add(path + "[" + i + "]", "listed twice: " + kind.get().path());
      }
    }
    return kinds.isEmpty() ? EnumSet.allOf(TrackedKind.class) : kinds;
  }

  /** Why {@code dueSoonWorkingDays} does not accept a key. */
  static String windowHint(Optional<TrackedKind> kind) {
    if (kind.isEmpty()) {
      return "unknown kind; use default or one of " + ReminderRules.WINDOW_KINDS.stream()
          .sorted().map(TrackedKind::path).collect(Collectors.joining(", "));
    }
    return kind.get() == TrackedKind.LETTERS ? "letters are reminded on the days in letters.remindAt, not by a window"
        : kind.get().path() + " are due on their publication date and have no window";
  }

  /** The {@code schedules} list; problems go to {@code error} as (field path, message). */
  static List<Schedule> schedules(List<RulesDocument.ScheduleEntry> entries, RuleChecks error) {
    List<Schedule> schedules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < (entries == null ? 0 : entries.size()); i++) {
      String path = "schedules[" + i + "]";
      RulesDocument.ScheduleEntry e = entries.get(i);
      if (e == null) {
        error.add(path, "empty entry");
        continue;
      }
      int before = error.count();
      if (e.name() == null || !e.name().strip().matches("[A-Za-z0-9_-]{1,40}")) {
        error.add(path + ".name", e.name() == null ? "required" : "use letters, digits, - or _ (at most 40)");
      } else if (!names.add(e.name().strip())) {
        error.add(path + ".name", "a second schedule named " + e.name().strip());
      }
      Optional<CronExpression> cron = cron(path + ".cron", e.cron(), error);
      Set<TrackedKind> kinds = RulesSchedules.parse(e.kinds(), path + ".kinds", error);
      if (error.count() == before) {
        schedules.add(new Schedule(e.name().strip(), cron.orElseThrow(), kinds, Boolean.TRUE.equals(e.escalate())));
      }
    }
    return schedules;
  }

  private static Optional<CronExpression> cron(String path, String text, RuleChecks error) {
    if (text == null || text.isBlank()) {
      error.add(path, "required (5 fields: minute hour day-of-month month day-of-week, e.g. \"0 9 * * 1-5\")");
      return Optional.empty();
    }
    try {
      return Optional.of(CronExpression.parse(text));
    } catch (IllegalArgumentException e) {
      error.add(path, e.getMessage());
      return Optional.empty();
    }
  }
}
