package io.zwgk.bot.remind;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Splits one CSV line with jackson-dataformat-csv: commas separate fields, double quotes may enclose a field and
 * {@code ""} is a quote; fields are stripped.
 */
final class CsvLine {
  private static final ObjectReader FIELDS = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
      .readerFor(String[].class);

  private CsvLine() {
  }

  /** The stripped fields of {@code line}, or empty when it is not one well-formed CSV record. */
  static Optional<List<String>> split(String line) {
    try (MappingIterator<String[]> records = FIELDS.readValues(line)) {
      if (!records.hasNext()) {
        return Optional.of(List.of(""));
      }
      List<String> fields = Arrays.stream(records.next()).map(String::strip).toList();
      return records.hasNext() ? Optional.empty() : Optional.of(fields);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
