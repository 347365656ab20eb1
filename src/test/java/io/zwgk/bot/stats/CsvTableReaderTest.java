package io.zwgk.bot.stats;

import static io.zwgk.bot.stats.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  @DisplayName("reading stops at the first run of 1,000 blank rows: data after 2,000 blank rows is not read")
  void stopsAtLongBlankRun() throws TableException {
    String head = "单位名称,本年度任务数\n县A局,1\n";
    List<RawRow> rows = CsvTableReader.read(utf8(head + ",\n".repeat(2_000) + "县B局,2\n"));

    assertThat(rows).extracting(RawRow::row).containsExactly(1, 2);

    List<RawRow> shortRun = CsvTableReader.read(utf8(head + "\n".repeat(999) + "县B局,2\n"));
    assertThat(shortRun).extracting(RawRow::row).containsExactly(1, 2, 1_002);
  }

  @Test
  @DisplayName("blank rows count against the row cap: a table reaching past row 22,012 between its blank rows is refused")
  void blankRowsCountAgainstTheCap() {
    StringBuilder text = new StringBuilder("单位名称,本年度任务数\n");
    for (int i = 1; i <= 12_000; i++) {
      text.append("单位").append(i).append(",1\n,\n");
    }

    assertThatThrownBy(() -> CsvTableReader.read(utf8(text.toString())))
        .isInstanceOf(TableException.class)
        .satisfies(e -> assertThat(((TableException) e).problem())
            .isEqualTo(new RowProblem(ImportLimits.MAX_SCANNED_ROWS + 1,
                "表格超过" + ImportLimits.MAX_SCANNED_ROWS + "行（空行也计算在内），请删除多余的空行或拆分后分批导入")));
  }
}
