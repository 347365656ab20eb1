package io.zwgk.bot.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of one bot-config file as {@code file: field.path: message}, then fails once with a
 * {@link ConfigException}. Feature packages extend it with their own checked-value readers.
 */
public class FileErrors implements YamlReader.Problems {
  private final String display;
  private final List<String> errors = new ArrayList<>();

  /** {@code display} names the file in every message, e.g. {@code bot-config/reminders.yaml}. */
  public FileErrors(String display) {
    this.display = display;
  }

  /** Records a problem at {@code path}; an empty path names the whole file. */
  @Override
  public void add(String path, String message) {
    errors.add(display + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  /** How many problems were recorded so far. */
  public int count() {
    return errors.size();
  }

  /** Throws a {@link ConfigException} listing every problem recorded so far, if any. */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
  }
}
