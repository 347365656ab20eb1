package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.TrackedItem.Task;
import io.zwgk.bot.remind.WorkingDays;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Unit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One paragraph per task of the month, grading each unit: done within the first part of the window from the
 * assignment day to the deadline ({@link BulletinTemplates#fastTaskShare()} %) is 落实较快, done by the deadline is on
 * time, done after it 落实迟缓, not done by the issue date 未按要求落实到位. A task without a deadline appears in the
 * month it was assigned and knows only 落实较快 (done within {@link BulletinTemplates#fastTaskWorkingDays()} working
 * days) and 未落实; its units done later are not named. The lead keeps the assignment (prompt) day and the deadline
 * ({@code 4月3日,县政务公开办在政务公开工作群提示4月底前完成…}). Pure.
 */
final class TaskParagraphs {
  /** How a unit did its share of a task, in the order the paragraph names them. */
  enum Grade {
    FAST("tasks.fast"), ON_TIME("tasks.onTime"), LATE("tasks.late"), MISSED("tasks.missed"), DONE(null);

    private final String key;

    Grade(String key) {
      this.key = key;
    }
  }

  private final BulletinTemplates t;
  private final WorkingDays days;
  private final Map<Category, Set<String>> categories = new EnumMap<>(Category.class);

  /** @param units the configured units, so a task given to every township is worded as 16个乡(镇) */
  TaskParagraphs(BulletinTemplates t, WorkingDays days, List<Unit> units) {
    this.t = t;
    this.days = days;
    units.forEach(u -> categories.computeIfAbsent(u.category(), k -> new LinkedHashSet<>()).add(u.name()));
  }

  List<String> of(BulletinInputs in) {
    Map<String, List<Task>> byTask = new LinkedHashMap<>();
    in.tracked(Task.class).stream().filter(x -> x.deadline() == null ? in.inPeriod(x.assigned())
        : in.inPeriod(x.deadline())).forEach(x -> byTask.computeIfAbsent(x.task().strip(), k -> new ArrayList<>())
            .add(x));
    List<String> out = new ArrayList<>();
    byTask.forEach((name, tasks) -> out.add(paragraph(in, name, tasks)));
    return out;
  }

  private String paragraph(BulletinInputs in, String name, List<Task> tasks) {
    LocalDate deadline = tasks.stream().map(Task::deadline).filter(Objects::nonNull).max(Comparator.naturalOrder())
        .orElse(null);
    LocalDate assigned = tasks.stream().map(Task::assigned).filter(Objects::nonNull).min(Comparator.naturalOrder())
        .orElse(null);
    Map<Grade, List<String>> graded = new EnumMap<>(Grade.class);
    tasks.forEach(x -> graded.computeIfAbsent(grade(x, x.deadline() == null ? deadline : x.deadline(),
        in.issueDate()), k -> new ArrayList<>()).add(x.unit()));
    StringBuilder text = new StringBuilder(lead(in, name, tasks, deadline, assigned));
    graded.forEach((grade, units) -> {
      String clause = grade.key == null ? "" : t.fill(grade.key, Map.of("units",
          Narrative.names(units.stream().distinct().toList())));
      if (!clause.isBlank()) {
        text.append(',').append(clause);
      }
    });
    return t.fill("tasks.paragraph", Map.of("task", name, "text", text.toString()));
  }

  private String lead(BulletinInputs in, String name, List<Task> tasks, LocalDate deadline, LocalDate assigned) {
    String requirement = tasks.stream().map(Task::requirement).filter(r -> !r.isBlank()).findFirst().orElse(name);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("requirement", requirement);
    values.put("units", units(tasks.stream().map(Task::unit).distinct().toList()));
    if (deadline == null) {
      values.put("assigned", Narrative.day(assigned, in.period()));
      return t.fill("tasks.noDeadline", values);
    }
    values.put("deadline", Narrative.deadline(deadline, in.period()));
    if (assigned == null) {
      return t.fill("tasks.due", values);
    }
    values.put("assigned", Narrative.day(assigned, in.period()));
    return t.fill("tasks.prompted", values);
  }

  /** A task given to every unit of a category names the category by count ({@code 16个乡(镇)和县行政审批局}). */
  private String units(List<String> units) {
    List<String> groups = new ArrayList<>();
    List<String> rest = new ArrayList<>(units);
    categories.forEach((category, names) -> {
      if (names.size() > 1 && units.containsAll(names)) {
        groups.add(t.fill(category == Category.TOWNSHIP ? "tasks.allTownships" : "tasks.allCounty",
            Map.of("count", String.valueOf(names.size()))));
        rest.removeAll(names);
      }
    });
    if (groups.isEmpty()) {
      return Narrative.names(units);
    }
    return rest.isEmpty() ? Narrative.names(groups) : t.fill("tasks.groupsAndUnits",
        Map.of("groups", Narrative.names(groups), "units", Narrative.names(rest)));
  }

  private Grade grade(Task x, LocalDate deadline, LocalDate issued) {
    LocalDate doneOn = x.doneOn();
    if (!x.done() || doneOn != null && doneOn.isAfter(issued)) {
      return Grade.MISSED;
    }
    if (deadline == null) {
      return doneOn != null && x.assigned() != null
          && !doneOn.isAfter(days.addWorkingDays(x.assigned(), t.fastTaskWorkingDays())) ? Grade.FAST : Grade.DONE;
    }
    if (doneOn == null) {
      return Grade.ON_TIME;
    }
    if (doneOn.isAfter(deadline)) {
      return Grade.LATE;
    }
    return x.assigned() != null && !doneOn.isAfter(fastBy(x.assigned(), deadline)) ? Grade.FAST : Grade.ON_TIME;
  }

  private LocalDate fastBy(LocalDate assigned, LocalDate deadline) {
    long window = Math.max(0, ChronoUnit.DAYS.between(assigned, deadline));
    return assigned.plusDays(window * t.fastTaskShare() / 100);
  }
}
