package io.zwgk.bot.stats;

import static io.zwgk.bot.stats.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTableReaderTest {
  @Test
  @DisplayName("CRLF, LF and CR all end records; a quoted line break stays inside its cell and its row")
  void recordsAndRowNumbers() throws TableException {
    List<RawRow> rows = CsvTableReader.read(utf8("a,b\r\nc,\"d\r\ne\"\nf\rg,\"\"\"h\"\"\",\n"));

    assertThat(rows).containsExactly(
        new RawRow(1, List.of("a", "b")),
        new RawRow(2, List.of("c", "d\r\ne")),
        new RawRow(3, List.of("f")),
        new RawRow(4, List.of("g", "\"h\"", "")));
  }

  @Test
  @DisplayName("blank records are dropped but counted, a last record without line break is kept")
  void blankRecords() throws TableException {
    List<RawRow> rows = CsvTableReader.read(utf8("\uFEFFa\n\n,\u3000,\nb"));

    assertThat(rows).containsExactly(new RawRow(1, List.of("a")), new RawRow(4, List.of("b")));
  }

  @Test
  @DisplayName("text after a closing quote is kept, a quote inside an unquoted field is literal")
  void lenientQuotes() throws TableException {
    List<RawRow> rows = CsvTableReader.read(utf8("\"a\"b,c\"d\n"));

    assertThat(rows).containsExactly(new RawRow(1, List.of("ab", "c\"d")));
  }
}
