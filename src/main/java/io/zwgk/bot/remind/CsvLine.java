package io.zwgk.bot.remind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Splits one CSV line: commas separate fields, double quotes may enclose a field and {@code ""} is a quote. */
final class CsvLine {
  private CsvLine() {
  }

  /** The stripped fields of {@code line}, or empty when a quoted field is not closed. */
  static Optional<List<String>> split(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        field.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.add(field.toString().strip());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString().strip());
    return quoted ? Optional.empty() : Optional.of(fields);
  }
}
