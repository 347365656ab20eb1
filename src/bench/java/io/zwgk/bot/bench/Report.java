package io.zwgk.bot.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a results file into Markdown: one table per scenario, one row per metric, each run's value and the median
 * of the runs. Texts (notes) are listed per run.
 */
final class Report {
  private Report() {
  }

  static String render(Path file) throws IOException {
    Map<String, Map<String, Map<Integer, JsonObject>>> byScenario = new TreeMap<>();
    int runs = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonObject o = new JsonObject(line);
      int run = o.getInteger("run");
      runs = Math.max(runs, run);
      byScenario.computeIfAbsent(o.getString("scenario"), s -> new java.util.LinkedHashMap<>())
          .computeIfAbsent(o.getString("metric"), m -> new TreeMap<>()).put(run, o);
    }
    int runCount = runs;
    StringBuilder out = new StringBuilder();
    for (var scenario : byScenario.entrySet()) {
      out.append("\n### ").append(scenario.getKey()).append("\n\n| metric | unit |");
      for (int r = 1; r <= runCount; r++) {
        out.append(" run ").append(r).append(" |");
      }
      out.append(" **median** |\n|---|---|").append("---|".repeat(runCount)).append("---|\n");
      scenario.getValue().forEach((metric, values) -> out.append(row(metric, values, runCount)));
    }
    return out.toString();
  }

  private static String row(String metric, Map<Integer, JsonObject> values, int runs) {
    StringBuilder row = new StringBuilder("| ").append(metric).append(" | ");
    JsonObject any = values.values().iterator().next();
    row.append(any.getString("unit", "")).append(" |");
    List<Double> numbers = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      JsonObject v = values.get(r);
      String cell = v == null ? "" : v.containsKey("text") ? v.getString("text") : format(v.getDouble("value"));
      if (v != null && v.containsKey("value")) {
        numbers.add(v.getDouble("value"));
      }
      row.append(' ').append(cell).append(" |");
    }
    if (numbers.isEmpty()) {
      return row.append("  |\n").toString();
    }
    String median = format(Measure.median(numbers.stream().mapToDouble(d -> d).toArray()));
    return row.append(" **").append(median).append("** |\n").toString();
  }

  static String format(double v) {
    double a = Math.abs(v);
    String pattern = a >= 1000 ? "%,.0f" : a >= 100 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, v);
  }
}
