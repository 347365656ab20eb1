package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The office's own files: GBK/GB18030 CSV, two-row headers, the bulletin's own two-sheet workbook. */
class StatsImportFilesTest {
  private static final Optional<Category> COUNTY = Optional.of(Category.COUNTY_DEPT);
  private static final Optional<Category> TOWNSHIPS = Optional.of(Category.TOWNSHIP);
  private static final String TABLE = "单位名称,本年度任务数,已发布总数,本月发布条数\n县司法局,350,376,71\n县水利局,450,86,19\n";

  @Test
  @DisplayName("a CSV saved as GBK or GB18030 (Excel, WPS on Chinese Windows) imports like the UTF-8 one and says so")
  void gb18030Csv() {
    ImportPlan utf8 = StatsImportParser.parse(TABLE.getBytes(StandardCharsets.UTF_8), TableFormat.CSV, COUNTY);
    ImportPlan gbk = StatsImportParser.parse(TABLE.getBytes(Charset.forName("GBK")), TableFormat.CSV, COUNTY);
    ImportPlan gb18030 = StatsImportParser.parse(TABLE.getBytes(Charset.forName("GB18030")), TableFormat.CSV, COUNTY);

    assertThat(gbk.errors()).isEmpty();
    assertThat(gbk.rows()).isEqualTo(utf8.rows()).hasSize(2);
    assertThat(gb18030.rows()).isEqualTo(utf8.rows());
    assertThat(utf8.encoding()).isEqualTo("UTF-8");
    assertThat(gbk.encoding()).isEqualTo("GB18030");
    assertThat(gb18030.encoding()).isEqualTo("GB18030");
  }

  @Test
  @DisplayName("a UTF-8 CSV with a BOM and an XLSX file read as UTF-8")
  void utf8Forms() {
    assertThat(StatsImportParser.parse(Fixtures.seed(Fixtures.COUNTY_BOM), TableFormat.CSV, COUNTY).encoding())
        .isEqualTo("UTF-8");
    assertThat(StatsImportParser.parse(Fixtures.xlsx(Fixtures.seedValues(Fixtures.COUNTY)), TableFormat.XLSX, COUNTY)
        .encoding()).isEqualTo("UTF-8");
  }

  @Test
  @DisplayName("a group title row over the column names: the lowest row naming the required columns is the header")
  void groupTitleOverColumnNames() {
    ImportPlan plan = Fixtures.county("2024年4月政务公开信息发布情况,,,\n"
        + "单位名称,任务,发布情况,\n"
        + "单位名称,本年度任务数,已发布总数,本月发布条数\n"
        + "县司法局,350,376,71\n");

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rows()).containsExactly(new UnitStats("县司法局", Category.COUNTY_DEPT, 350, 376, 71));
  }

  @Test
  @DisplayName("a header repeated below the first data row is a bad data row, never a header that hides rows")
  void repeatedHeaderIsNotTheHeader() {
    ImportPlan plan = Fixtures.county("单位名称,本年度任务数,已发布总数,本月发布条数\n县司法局,350,376,71\n"
        + "单位名称,本年度任务数,已发布总数,本月发布条数\n县水利局,450,86,19\n");

    assertThat(plan.ok()).isFalse();
    assertThat(plan.errors()).extracting(RowProblem::row).containsExactly(3, 3, 3);
  }

  @Test
  @DisplayName("a two-row header whose first columns are merged down: names come from the row above")
  void mergedTwoRowHeader() {
    byte[] xlsx = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, rows(List.of("单位名称", "本年度任务数", "发布情况", ""),
          List.of("", "", "已发布总数", "本月发布条数"),
          List.of("县司法局", 350, 376, 71)));
      ws.range(0, 0, 1, 0).merge();
      ws.range(0, 1, 1, 1).merge();
      ws.range(0, 2, 0, 3).merge();
    });

    ImportPlan plan = StatsImportParser.parse(xlsx, TableFormat.XLSX, COUNTY);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rows()).containsExactly(new UnitStats("县司法局", Category.COUNTY_DEPT, 350, 376, 71));
  }

  @Test
  @DisplayName("no header: the message says what the one header row must name and shows the first rows")
  void headerNotFound() {
    ImportPlan plan = Fixtures.county("名称,任务,总数,本月\n县司法局,350,376,71\n");

    assertThat(plan.errors()).extracting(RowProblem::message).containsExactly("找不到表头；表头须是一行，写明单位名称、"
        + "本年度任务数、已发布总数、本月发布条数（可另有完成比例、类别）；文件开头几行是：第1行“名称 | 任务 | 总数 | 本月”；"
        + "第2行“县司法局 | 350 | 376 | 71”");
  }

  @Test
  @DisplayName("the bulletin's own workbook (附件1/附件2 sheets, title rows) imports both tables, each in its category")
  void bulletinWorkbook() {
    List<Object> header = List.of("单位名称", "本年度任务数", "已发布总数", "4月发布条数", "完成比例(%)");
    byte[] xlsx = Fixtures.xlsx(List.of("附件1 县直单位", "附件2 乡镇"),
        ws -> Fixtures.fill(ws, 0, rows(List.of("附件1 县直单位完成情况"), header, List.of("县司法局", 350, 376, 71))),
        ws -> Fixtures.fill(ws, 0, rows(List.of("附件2 乡镇完成情况"), header, List.of("大阿镇政府", 560, 426, 84))));

    ImportPlan plan = StatsImportParser.parse(xlsx, TableFormat.XLSX, TOWNSHIPS);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rows()).containsExactly(new UnitStats("县司法局", Category.COUNTY_DEPT, 350, 376, 71),
        new UnitStats("大阿镇政府", Category.TOWNSHIP, 560, 426, 84));
  }

  @Test
  @DisplayName("a sheet's category comes from 类别, else its name (县直单位/乡镇/附件1/附件2), else the request")
  void sheetNames() {
    assertThat(Category.fromSheetName("县直单位")).contains(Category.COUNTY_DEPT);
    assertThat(Category.fromSheetName("乡镇")).contains(Category.TOWNSHIP);
    assertThat(Category.fromSheetName("附件1")).contains(Category.COUNTY_DEPT);
    assertThat(Category.fromSheetName("附件2 乡镇")).contains(Category.TOWNSHIP);
    assertThat(Category.fromSheetName("附件 2")).contains(Category.TOWNSHIP);
    assertThat(Category.fromSheetName("附件12")).isEmpty();
    assertThat(Category.fromSheetName("Sheet1")).isEmpty();

    List<Object> header = List.of("单位名称", "本年度任务数", "已发布总数", "本月发布条数", "类别");
    byte[] xlsx = Fixtures.xlsx(List.of("乡镇"),
        ws -> Fixtures.fill(ws, 0, rows(header, List.of("县司法局", 350, 376, 71, "县直单位"),
            List.of("大阿镇政府", 560, 426, 84, ""))));
    ImportPlan plan = StatsImportParser.parse(xlsx, TableFormat.XLSX, COUNTY);
    assertThat(plan.rows()).extracting(UnitStats::category).containsExactly(Category.COUNTY_DEPT, Category.TOWNSHIP);
  }

  @SafeVarargs
  private static List<List<Object>> rows(List<Object>... rows) {
    return new ArrayList<>(List.of(rows));
  }
}
