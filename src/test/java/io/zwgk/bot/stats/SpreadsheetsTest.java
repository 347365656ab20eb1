package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SpreadsheetsTest {
  private static final Set<String> ANCHOR = Set.of("单位名称");

  @Test
  @DisplayName("the header below a title row is found and normalised; data rows keep their spreadsheet numbers")
  void headerAndRows() {
    byte[] csv = Fixtures.utf8("\uFEFF2024年4月检查表,,\n\n单位 名称,账号（必填）,ＵＲＬ\n县水利局, 信丰水利 ,x\n\n县司法局,,\n");

    Sheet sheet = Spreadsheets.read(csv, TableFormat.CSV, ANCHOR);

    assertThat(sheet.headerRow()).isEqualTo(3);
    assertThat(sheet.header()).containsExactly("单位名称", "账号(必填)", "URL");
    assertThat(sheet.column("URL")).isEqualTo(2);
    assertThat(sheet.column("网址")).isEqualTo(-1);
    assertThat(sheet.rows()).extracting(Sheet.Row::row).containsExactly(4, 6);
    assertThat(sheet.rows().get(0).cell(1)).isEqualTo(" 信丰水利 ");
    assertThat(sheet.rows().get(1).cell(7)).isEmpty();
  }

  @Test
  @DisplayName("problems come back as one RowProblem in an ImportRejectedException")
  void problems() {
    assertThatThrownBy(() -> Spreadsheets.read(new byte[0], TableFormat.CSV, ANCHOR))
        .isInstanceOfSatisfying(ImportRejectedException.class,
            e -> assertThat(e.errors()).containsExactly(new RowProblem(0, "文件是空的")));
    assertThatThrownBy(() -> Spreadsheets.read(Fixtures.xlsx(List.of(List.of("单位名称"))), TableFormat.CSV, ANCHOR))
        .isInstanceOfSatisfying(ImportRejectedException.class,
            e -> assertThat(e.errors().get(0).message()).startsWith("文件内容是Excel格式"));
    assertThatThrownBy(() -> Spreadsheets.read(Fixtures.utf8("单位名称,账号\n"), TableFormat.CSV, ANCHOR))
        .isInstanceOfSatisfying(ImportRejectedException.class,
            e -> assertThat(e.errors()).containsExactly(new RowProblem(1, "表头下面没有数据行")));
  }

  @Test
  @DisplayName("the row limit of the statistics import applies")
  void rowLimit() {
    String rows = IntStream.rangeClosed(1, ImportLimits.MAX_DATA_ROWS + 1).mapToObj(i -> "单位" + i + ",1")
        .collect(Collectors.joining("\n"));

    assertThatThrownBy(() -> Spreadsheets.read(Fixtures.utf8("单位名称,数\n" + rows), TableFormat.CSV, ANCHOR))
        .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.errors())
            .containsExactly(new RowProblem(ImportLimits.MAX_DATA_ROWS + 2, "数据超过20000行，请拆分后分批导入")));
  }

  @Test
  @DisplayName("an Excel date cell reads as the date it shows, in any date format; plain numbers stay numbers")
  void excelDates() {
    LocalDate day = LocalDate.of(2024, 4, 29);
    byte[] xlsx = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, List.of(List.of("单位名称", "日期", "日期时间", "数")));
      ws.value(1, 0, "县水利局");
      ws.value(1, 1, day);
      ws.style(1, 1).format("yyyy/m/d").set();
      ws.value(1, 2, day.atTime(15, 30));
      ws.style(1, 2).format("[$-804]d-mmm-yy h:mm;@").set();
      ws.value(1, 3, 45411);
    });

    Sheet sheet = Spreadsheets.read(xlsx, TableFormat.XLSX, ANCHOR);

    assertThat(sheet.rows().get(0).cells()).containsExactly("县水利局", "2024-04-29", "2024-04-29", "45411");
  }

  @Test
  @DisplayName("built-in date formats are dates; time-only, percentage and general formats are not")
  void dateFormats() {
    assertThat(ExcelDates.isDateFormat(14, null)).isTrue();
    assertThat(ExcelDates.isDateFormat(57, null)).isTrue();
    assertThat(ExcelDates.isDateFormat(200, "[$-804]yyyy\"年\"m\"月\"d\"日\";@")).isTrue();
    assertThat(ExcelDates.isDateFormat(200, "h:mm:ss")).isFalse();
    assertThat(ExcelDates.isDateFormat(10, "0.00%")).isFalse();
    assertThat(ExcelDates.isDateFormat(0, "General")).isFalse();
    assertThat(ExcelDates.isDateFormat(200, "#,##0\"天\"")).isFalse();
    assertThat(ExcelDates.isDateFormat(200, "[Red]0.0")).isFalse();
  }
}
