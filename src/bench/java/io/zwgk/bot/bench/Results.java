package io.zwgk.bot.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where a scenario's figures go: one JSON line per figure ({@code scenario, run, metric, value, unit}) appended to the
 * run's results file, echoed on the console. {@link Report} turns the file into medians.
 */
final class Results {
  private final Path file;
  private final String scenario;
  private final int run;

  Results(Path file, String scenario, int run) {
    this.file = file;
    this.scenario = scenario;
    this.run = run;
  }

  /** Records one figure; {@code metric} is dotted ({@code inbound.app.saturation.rps}). */
  synchronized void put(String metric, double value, String unit) {
    write(new JsonObject().put("value", value), metric, unit);
    System.out.printf(Locale.ROOT, "  %-58s %14.3f %s%n", metric, value, unit);
  }

  /** Records a fact that is not a number (an import rejected, an order check). */
  synchronized void note(String metric, String text) {
    write(new JsonObject().put("text", text), metric, "");
    System.out.printf(Locale.ROOT, "  %-58s %s%n", metric, text);
  }

  private void write(JsonObject line, String metric, String unit) {
    line.put("scenario", scenario).put("run", run).put("metric", metric).put("unit", unit);
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, line.encode() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
