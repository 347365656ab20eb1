package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.TrackedItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The units a bulletin holds to account: each unit its [存在问题] names and each unit that has not done a task due in
 * the month, with what the bulletin says of it, in the bulletin's order (problems, then tasks). Immutable.
 *
 * @param units one entry per unit, each unit once
 */
record Accountable(List<Entry> units) {
  /** What a unit's task line says after the task's name. */
  static final String MISSED = "未按要求落实到位";

  /**
   * @param unit the unit's full name
   * @param what what the bulletin says of it, each once: {@code 类别：分句} for a problem, {@code 任务未按要求落实到位}
   */
  record Entry(String unit, List<String> what) {
    Entry {
      Objects.requireNonNull(unit, "unit");
      what = List.copyOf(what);
    }
  }

  Accountable {
    units = List.copyOf(units);
  }

  /** From the [存在问题] section composed from {@code in} and the tasks of {@code in}'s month. */
  static Accountable of(ProblemSection.Section problems, BulletinInputs in) {
    Map<String, Set<String>> what = new LinkedHashMap<>();
    problems.drafts().forEach(d -> add(what, d.unit(), d.category(), d.text()));
    problems.named().forEach(f -> add(what, f.unit(), f.category(), f.text()));
    in.tracked(TrackedItem.Task.class).stream().filter(t -> in.inPeriod(t.deadline()) && !t.done())
        .forEach(t -> what.computeIfAbsent(t.unit(), k -> new LinkedHashSet<>()).add(t.task().strip() + MISSED));
    List<Entry> entries = new ArrayList<>();
    what.forEach((unit, lines) -> entries.add(new Entry(unit, new ArrayList<>(lines))));
    return new Accountable(entries);
  }

  private static void add(Map<String, Set<String>> what, String unit, String category, String text) {
    what.computeIfAbsent(unit, k -> new LinkedHashSet<>()).add(category.strip() + "：" + text.strip());
  }

  /** The units' full names, in order. */
  List<String> names() {
    return units.stream().map(Entry::unit).toList();
  }
}
