package io.zwgk.bot.remind;

import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/** One field of a 5-field cron expression: the set of values it allows, parsed from {@code *}, lists, ranges, steps. */
final class CronField {
  private final String name;
  private final BitSet values;
  private final boolean star;

  private CronField(String name, BitSet values, boolean star) {
    this.name = name;
    this.values = values;
    this.star = star;
  }

  /**
   * Parses one field.
   *
   * @param label how errors name the field, e.g. {@code hour}
   * @param names upper-case names allowed instead of numbers (MON, JAN …), may be empty
   * @throws IllegalArgumentException naming the field and the offending part
   */
  static CronField parse(String spec, String label, int min, int max, Map<String, Integer> names) {
    BitSet values = new BitSet(max + 1);
    for (String part : spec.split(",", -1)) {
      if (part.isEmpty()) {
        throw error(label, spec, "empty list element");
      }
      parsePart(part, label, min, max, names, values);
    }
    return new CronField(label, values, spec.startsWith("*"));
  }

  private static void parsePart(String part, String label, int min, int max, Map<String, Integer> names,
      BitSet values) {
    int slash = part.indexOf('/');
    String range = slash >= 0 ? part.substring(0, slash) : part;
    int step = 1;
    if (slash >= 0) {
      step = number(part.substring(slash + 1), label, part, Map.of());
      if (step < 1) {
        throw error(label, part, "the step after / must be at least 1");
      }
    }
    int[] bounds = bounds(range, slash >= 0, label, part, min, max, names);
    for (int v = bounds[0]; v <= bounds[1]; v += step) {
      values.set(v);
    }
  }

  /** {@code *}, {@code a-b} or {@code a} (with a step, {@code a} runs to the maximum). */
  private static int[] bounds(String range, boolean stepped, String label, String part, int min, int max,
      Map<String, Integer> names) {
    if (range.equals("*")) {
      return new int[] {min, max};
    }
    int dash = range.indexOf('-');
    if (dash > 0) {
      int from = value(range.substring(0, dash), label, part, min, max, names);
      int to = value(range.substring(dash + 1), label, part, min, max, names);
      if (from > to) {
        throw error(label, part, "range start is after its end (write two ranges instead)");
      }
      return new int[] {from, to};
    }
    int from = value(range, label, part, min, max, names);
    return new int[] {from, stepped ? max : from};
  }

  private static int value(String text, String label, String part, int min, int max, Map<String, Integer> names) {
    int v = number(text, label, part, names);
    if (v < min || v > max) {
      throw error(label, part, v + " is out of range " + min + "-" + max);
    }
    return v;
  }

  private static int number(String text, String label, String part, Map<String, Integer> names) {
    Integer named = names.get(text.toUpperCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    if (!text.matches("\\d{1,4}")) {
      throw error(label, part, "\"" + text + "\" is not a number" + (names.isEmpty() ? ""
          : names.containsKey("MON") ? " or a day name (SUN, MON … SAT)" : " or a month name (JAN … DEC)"));
    }
    return Integer.parseInt(text);
  }

  private static IllegalArgumentException error(String label, String part, String message) {
    return new IllegalArgumentException(label + " field \"" + part + "\": " + message);
  }

  boolean has(int value) {
    return values.get(value);
  }

  /** Whether the field was written starting with {@code *} (cron treats it as unrestricted for the day rule). */
  boolean star() {
    return star;
  }

  /** The smallest allowed value. */
  int first() {
    return values.nextSetBit(0);
  }

  /** Folds value {@code from} into {@code to} (day of week 7 is Sunday, like 0). */
  CronField fold(int from, int to) {
    BitSet folded = (BitSet) values.clone();
    if (folded.get(from)) {
      folded.clear(from);
      folded.set(to);
    }
    return new CronField(name, folded, star);
  }
}
