package io.zwgk.bot.config;

import java.util.ArrayList;
import java.util.List;

/** Collects configuration problems so that all of them are reported at once, then fails with one exception. */
final class ConfigErrors {
  private final List<String> errors = new ArrayList<>();

  /** Records a problem with a variable or a whole file: {@code where: message}. */
  void add(String where, String message) {
    errors.add(where + ": " + message);
  }

  /** Records a problem at a field path inside a file: {@code file: path: message}; an empty path names the file only. */
  void add(String file, String path, String message) {
    add(path.isEmpty() ? file : file + ": " + path, message);
  }

  int size() {
    return errors.size();
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  List<String> list() {
    return List.copyOf(errors);
  }

  /** Throws a {@link ConfigException} listing every problem recorded so far, if any. */
  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
  }
}
