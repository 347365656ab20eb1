package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.ImportPlan;
import io.zwgk.bot.stats.StatsImportParser;
import io.zwgk.bot.stats.TableFormat;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {
  @Test
  @DisplayName("the .xlsx reads back with fastexcel-reader: two sheets holding the attachment tables' numbers")
  void readsBack() throws Exception {
    Bulletin b = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));

    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(XlsxWriter.xlsx(b)))) {
      List<Sheet> sheets = wb.getSheets().toList();
      assertThat(sheets).extracting(Sheet::getName).containsExactly("附件1 县直单位", "附件2 乡镇");
      for (int s = 0; s < 2; s++) {
        List<Row> rows = sheets.get(s).read();
        Bulletin.Table table = b.tables().get(s);
        assertThat(rows.get(0).getCellText(0)).isEqualTo(table.label() + " " + table.title());
        assertThat(List.of(0, 1, 2, 3, 4)).map(c -> rows.get(1).getCellText(c))
            .containsExactlyElementsOf(table.headers());
        assertThat(rows).hasSize(table.rows().size() + 2);
        for (int i = 0; i < table.rows().size(); i++) {
          Bulletin.Row expected = table.rows().get(i);
          Row row = rows.get(i + 2);
          assertThat(row.getCellText(0)).isEqualTo(expected.unit());
          assertThat(row.getCellAsNumber(1).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(expected.task()));
          assertThat(row.getCellAsNumber(2).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(expected.total()));
          assertThat(row.getCellAsNumber(3).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(expected.month()));
          assertThat(row.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(expected.ratio());
        }
      }
    }
  }

  @Test
  @DisplayName("a downloaded workbook can be imported again as statistics: both sheets, with the same figures")
  void reimportable() {
    Bulletin b = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));

    ImportPlan plan = StatsImportParser.parse(XlsxWriter.xlsx(b), TableFormat.XLSX, Optional.of(Category.COUNTY_DEPT));

    assertThat(plan.errors()).isEmpty();
    List<Bulletin.Row> both = new java.util.ArrayList<>(b.tables().get(0).rows());
    both.addAll(b.tables().get(1).rows());
    assertThat(plan.rows()).map(Bulletin.Row::of).containsExactlyElementsOf(both);
    assertThat(plan.rows()).filteredOn(r -> r.category() == Category.TOWNSHIP).hasSize(16);
  }
}
