package io.zwgk.bot.monitor;

import io.zwgk.bot.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of {@code monitor.yaml} as {@code file: field.path: message}, then fails once. */
final class MonitorChecks {
  private final String display;
  private final List<String> errors = new ArrayList<>();

  MonitorChecks(String display) {
    this.display = display;
  }

  /** Records a problem at {@code path}; an empty path names the whole file. */
  void add(String path, String message) {
    errors.add(display + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  int count() {
    return errors.size();
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
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
