package io.zwgk.bot.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the line of a field in a YAML text. Jackson buffers record properties before binding, so the location in a
 * mapping error can point past the offending field; re-reading the tokens gives the line office staff need to edit.
 */
final class YamlLines {
  private YamlLines() {
  }

  /** The 1-based line where the value at {@code pointer} (e.g. {@code /units/3/contacts}) starts, if found. */
  static Optional<Integer> lineOf(String text, String pointer) {
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    try (JsonParser p = YamlReader.MAPPER.getFactory().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (p.getParsingContext().pathAsPointer().toString().equals(pointer)) {
          return Optional.of(p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
