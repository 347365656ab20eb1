package io.zwgk.bot.monitor;

import io.zwgk.bot.config.FileErrors;

/** Collects every problem of {@code monitor.yaml} as {@code file: field.path: message}, then fails once. */
final class MonitorChecks extends FileErrors {
  MonitorChecks(String display) {
    super(display);
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent or wrong. */
  int range(String path, Integer value, int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > max) {
      add(path, "must be " + min + " to " + max + ": " + value);
      return fallback;
    }
    return value;
  }
}
