package io.zwgk.bot.stats;

import java.util.List;
import java.util.Objects;

/**
 * A unit the office supervises: a county department or a township.
 *
 * @param name the full name as the bulletin prints it (e.g. {@code 县水利局}, {@code 大阿镇政府})
 * @param category county department or township
 * @param aliases other names officers type (e.g. {@code 水利}, {@code 大阿})
 * @param contacts people to @-mention in reminders
 */
public record Unit(String name, Category category, List<String> aliases, List<Contact> contacts) {
  public Unit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(category, "category");
    if (name.isBlank()) {
      throw new IllegalArgumentException("unit name is blank");
    }
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    contacts = contacts == null ? List.of() : List.copyOf(contacts);
  }

  /** A unit known only from an imported statistics row. */
  public static Unit of(String name, Category category) {
    return new Unit(name, category, List.of(), List.of());
  }
}
