package io.zwgk.bot.config;

import java.util.Objects;

/**
 * A secret setting (token, app secret). {@link #toString()} is redacted so the value cannot reach logs by accident;
 * call {@link #value()} only where the secret is used.
 *
 * @param value the secret text, never blank
 */
public record Secret(String value) {
  public Secret {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("secret is blank");
    }
  }

  @Override
  public String toString() {
    return "******";
  }
}
