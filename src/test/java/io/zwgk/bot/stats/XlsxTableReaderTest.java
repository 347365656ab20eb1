package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XlsxTableReaderTest {
  private static final List<Object> HEADER = List.of("单位名称", "本年度任务数", "已发布总数", "本月发布条数", "完成比例");

  @Test
  @DisplayName("rows carry the sheet's 1-based row numbers, empty rows are dropped, missing cells read as empty")
  void rowNumbersAndGaps() throws TableException {
    byte[] xlsx = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, List.of(HEADER));
      Fixtures.fill(ws, 3, List.of(Arrays.asList("县司法局", 350, null, 71)));
      ws.value(5, 2, "  ");
    });

    List<RawRow> rows = XlsxTableReader.read(xlsx);

    assertThat(rows).extracting(RawRow::row).containsExactly(1, 4);
    assertThat(rows.get(1).cell(0)).isEqualTo("县司法局");
    assertThat(rows.get(1).cell(2)).isEmpty();
    assertThat(rows.get(1).cell(9)).isEmpty();
  }

  @Test
  @DisplayName("numbers stored as 550.0 are whole numbers, a percentage-formatted ratio reads as the percentage shown")
  void numbersAndPercentages() {
    byte[] xlsx = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, List.of(HEADER, List.of("县农业农村局", 550.0, 631.0, 153.0, 1.1473)));
      ws.style(1, 4).format("0.00%").set();
    });

    ImportPlan plan = StatsImportParser.parse(xlsx, Fixtures.XLSX, Optional.of(Category.COUNTY_DEPT));

    assertThat(plan.rows()).containsExactly(new UnitStats("县农业农村局", Category.COUNTY_DEPT, 550, 631, 153));
    assertThat(plan.warnings()).isEmpty();
  }

  @Test
  @DisplayName("every sheet whose header matches is read; a sheet without the header is skipped with a warning")
  void everyMatchingSheet() {
    byte[] xlsx = Fixtures.xlsx(
        ws -> Fixtures.fill(ws, 0, List.of(HEADER, List.of("县司法局", 350, 376, 71))),
        ws -> Fixtures.fill(ws, 0, List.of(List.of("说明"), List.of("本表由政务公开办汇总"))),
        ws -> Fixtures.fill(ws, 0, List.of(HEADER, List.of("县水利局", 450, 86, 19))));

    ImportPlan plan = StatsImportParser.parse(xlsx, Fixtures.XLSX, Optional.of(Category.COUNTY_DEPT));

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rows()).extracting(UnitStats::unit).containsExactly("县司法局", "县水利局");
    assertThat(plan.warnings()).extracting(RowProblem::message).containsExactly("工作表“Sheet2”没有统计表头，已跳过");
  }

  @Test
  @DisplayName("a unit named on two sheets is a duplicate naming the sheet and row of the first")
  void duplicateAcrossSheets() {
    byte[] xlsx = Fixtures.xlsx(
        ws -> Fixtures.fill(ws, 0, List.of(HEADER, List.of("县司法局", 350, 376, 71))),
        ws -> Fixtures.fill(ws, 0, List.of(HEADER, List.of("县司法局", 350, 376, 71))));

    ImportPlan plan = StatsImportParser.parse(xlsx, Fixtures.XLSX, Optional.of(Category.COUNTY_DEPT));

    assertThat(plan.errors()).containsExactly(
        new RowProblem(2, "工作表“Sheet2”，单位“县司法局”与工作表“Sheet1”第2行重复"));
  }

  @Test
  @DisplayName("cells over 200 characters are refused with their row")
  void longCell() {
    byte[] xlsx = Fixtures.xlsx(List.of(HEADER, List.of("县司法局", 350, 376, 71), List.of("局".repeat(201), 1, 1, 1)));

    assertThatThrownBy(() -> XlsxTableReader.read(xlsx))
        .isInstanceOfSatisfying(TableException.class,
            e -> assertThat(e.problem()).isEqualTo(new RowProblem(3, "有单元格超过200个字符")));
  }

  @Test
  @DisplayName("the zip guard passes a real workbook and stops inflating once the budget is spent")
  void zipGuard() throws TableException {
    ZipGuard.check(Fixtures.xlsx(List.of(HEADER)), 1024 * 1024);
    byte[] twoMegabytes = StatsImportParserErrorsTest.zipOfZeros("xl/sharedStrings.xml", 2);

    assertThatThrownBy(() -> ZipGuard.check(twoMegabytes, 1024 * 1024))
        .isInstanceOfSatisfying(TableException.class,
            e -> assertThat(e.problem()).isEqualTo(new RowProblem(0, "xlsx文件解压后超过1MB，拒绝处理")));
  }

  @Test
  @DisplayName("an XLSX stops at the first run of 1,000 blank rows, styled empty rows or rows left out alike")
  void stopsAtLongBlankRun() throws TableException {
    byte[] styled = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, List.of(List.of("单位名称", "本年度任务数"), List.of("县A局", 1)));
      for (int r = 2; r < 2_002; r++) {
        ws.style(r, 0).fillColor("FFFF00").set();
      }
      Fixtures.fill(ws, 2_002, List.of(List.of("县B局", 2)));
    });
    byte[] gap = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, List.of(List.of("单位名称", "本年度任务数"), List.of("县A局", 1)));
      Fixtures.fill(ws, 2_002, List.of(List.of("县B局", 2)));
    });

    assertThat(XlsxTableReader.read(styled)).extracting(RawRow::row).containsExactly(1, 2);
    assertThat(XlsxTableReader.read(gap)).extracting(RawRow::row).containsExactly(1, 2);
  }

  @Test
  @DisplayName("the sheets of one workbook share the scanned-row cap: two sheets of 12,000 rows are refused together")
  void scannedRowCapAcrossSheets() throws TableException {
    java.util.function.Consumer<org.dhatim.fastexcel.Worksheet> tall = ws -> {
      Fixtures.fill(ws, 0, List.of(List.of("单位名称", "本年度任务数")));
      for (int r = 500; r < 12_000; r += 500) {
        Fixtures.fill(ws, r, List.of(List.of("县" + r + "局", 1)));
      }
    };
    assertThat(XlsxTableReader.readAll(Fixtures.xlsx(tall)).sheets()).hasSize(1);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> XlsxTableReader.readAll(Fixtures.xlsx(tall, tall)))
        .isInstanceOf(TableException.class).hasMessageContaining("空行也计算在内");
  }
}
