package io.zwgk.bot.config;

import java.nio.file.Path;
import java.util.Optional;

/** Reads the bot-config YAML files of this package with {@link YamlReader#strict()}, naming the file in each error. */
final class YamlFiles {
  private static final YamlReader READER = YamlReader.strict();

  private YamlFiles() {
  }

  /** How errors name a file: the config directory as configured, then the file name. */
  static String displayName(Path configDir, String fileName) {
    return configDir.normalize().resolve(fileName).toString();
  }

  /**
   * Parses {@code file} as {@code type}. On a read, syntax or mapping problem records one error and returns empty; an
   * empty document yields empty without an error, so callers decide what is required.
   */
  static <T> Optional<T> read(Path file, String display, Class<T> type, ConfigErrors errors) {
    return READER.read(file, type, (path, message) -> errors.add(display, path, message));
  }
}
