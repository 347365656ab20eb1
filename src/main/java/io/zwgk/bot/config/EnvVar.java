package io.zwgk.bot.config;

import java.util.Objects;

/**
 * One documented environment variable: a row of the README settings table.
 *
 * @param name the variable name, e.g. {@code ZWGK_HTTP_PORT}
 * @param defaultValue the value used when the variable is unset or blank; empty when there is none
 * @param meaning what the variable controls
 */
public record EnvVar(String name, String defaultValue, String meaning) {
  public EnvVar {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(meaning, "meaning");
  }
}
