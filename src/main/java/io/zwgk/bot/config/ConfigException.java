package io.zwgk.bot.config;

import java.util.List;
import java.util.Objects;

/**
 * Start-up configuration is wrong: a bad environment variable or a broken {@code bot-config/} file. The message lists
 * every problem found, one per line, each naming the variable or the file and field path.
 */
public class ConfigException extends RuntimeException {
  private final List<String> errors;

  /** One problem, e.g. {@code ZWGK_HTTP_PORT: not a port number: "abc"}. */
  public ConfigException(String error) {
    this(List.of(error));
  }

  /** Several problems, reported together so office staff can fix them in one go. */
  public ConfigException(List<String> errors) {
    super(message(errors));
    this.errors = List.copyOf(errors);
  }

  /** The individual problems, in the order they were found. */
  public List<String> errors() {
    return errors;
  }

  private static String message(List<String> errors) {
    Objects.requireNonNull(errors, "errors");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    if (errors.size() == 1) {
      return errors.get(0);
    }
    return errors.size() + " configuration errors:\n  " + String.join("\n  ", errors);
  }
}
