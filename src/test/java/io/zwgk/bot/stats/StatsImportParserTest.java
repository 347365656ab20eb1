package io.zwgk.bot.stats;

import static io.zwgk.bot.stats.Fixtures.COUNTY;
import static io.zwgk.bot.stats.Fixtures.COUNTY_BOM;
import static io.zwgk.bot.stats.Fixtures.CSV;
import static io.zwgk.bot.stats.Fixtures.TOWNSHIP;
import static io.zwgk.bot.stats.Fixtures.XLSX;
import static io.zwgk.bot.stats.Fixtures.county;
import static io.zwgk.bot.stats.Fixtures.seed;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsImportParserTest {
  private static final Optional<Category> COUNTY_DEPT = Optional.of(Category.COUNTY_DEPT);
  private static final Optional<Category> TOWNSHIPS = Optional.of(Category.TOWNSHIP);

  @Test
  @DisplayName("the seed's two attachment tables import as 40 + 16 units with the bulletin's totals")
  void seedTablesGiveBulletinTotals() {
    ImportPlan county = StatsImportParser.parse(seed(COUNTY), CSV, COUNTY_DEPT);
    ImportPlan township = StatsImportParser.parse(seed(TOWNSHIP), CSV, TOWNSHIPS);

    assertThat(county.ok()).isTrue();
    assertThat(township.ok()).isTrue();
    assertThat(county.rows()).hasSize(40).allMatch(r -> r.category() == Category.COUNTY_DEPT);
    assertThat(township.rows()).hasSize(16).allMatch(r -> r.category() == Category.TOWNSHIP);
    assertThat(county.warnings()).isEmpty();
    assertThat(township.warnings()).isEmpty();

    List<UnitStats> all = new ArrayList<>(county.rows());
    all.addAll(township.rows());
    PeriodStats april = new PeriodStats(YearMonth.of(2024, 4), all);
    assertThat(april.monthTotal(Category.COUNTY_DEPT)).isEqualTo(2162);
    assertThat(april.monthTotal(Category.TOWNSHIP)).isEqualTo(3652);
    assertThat(county.rows().stream().mapToInt(UnitStats::total).sum()).isEqualTo(8450);
    assertThat(township.rows().stream().mapToInt(UnitStats::total).sum()).isEqualTo(11710);
    assertThat(april.total()).isEqualTo(20160);
  }

  @Test
  @DisplayName("every imported ratio equals the 完成比例 the seed prints, digit for digit")
  void ratiosMatchPrintedRatios() {
    for (String table : List.of(COUNTY, TOWNSHIP)) {
      List<String[]> printed = Fixtures.seedCells(table);
      List<UnitStats> rows = StatsImportParser.parse(seed(table), CSV, COUNTY_DEPT).rows();
      assertThat(rows).hasSize(printed.size() - 1);
      for (int i = 0; i < rows.size(); i++) {
        String[] line = printed.get(i + 1);
        assertThat(rows.get(i).unit()).isEqualTo(line[0]);
        assertThat(rows.get(i).ratio()).as(line[0]).isEqualTo(new BigDecimal(line[4]));
      }
    }
  }

  @Test
  @DisplayName("the seed keeps bulletin order; the county bottom five, lowest first, are the five the bulletin names")
  void seedOrderAndBottomFive() {
    PeriodStats april = new PeriodStats(YearMonth.of(2024, 4),
        StatsImportParser.parse(seed(COUNTY), CSV, COUNTY_DEPT).rows());

    assertThat(april.ranked(Category.COUNTY_DEPT)).isEqualTo(april.rows());
    assertThat(april.bottom(Category.COUNTY_DEPT, 5)).extracting(UnitStats::unit)
        .containsExactly("高新区管委会", "县烟草专卖局", "县水利局", "县市场监督管理局", "统调队");
    assertThat(april.find("县农业农村局")).contains(new UnitStats("县农业农村局", Category.COUNTY_DEPT, 550, 631, 153));
  }

  @Test
  @DisplayName("a CSV saved with a UTF-8 BOM imports exactly like one without")
  void bomCsv() {
    byte[] withBom = seed(COUNTY_BOM);
    assertThat(withBom).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

    ImportPlan plan = StatsImportParser.parse(withBom, "text/csv; charset=utf-8", COUNTY_DEPT);

    assertThat(plan).isEqualTo(StatsImportParser.parse(seed(COUNTY), CSV, COUNTY_DEPT));
    assertThat(plan.rows().get(0).unit()).isEqualTo("县农业农村局");
  }

  @Test
  @DisplayName("an XLSX of the seed table with numeric cells gives the same plan as the CSV")
  void xlsxEqualsCsv() {
    for (String table : List.of(COUNTY, TOWNSHIP)) {
      byte[] xlsx = Fixtures.xlsx(Fixtures.seedValues(table));

      ImportPlan fromXlsx = StatsImportParser.parse(xlsx, XLSX, TOWNSHIPS);

      assertThat(fromXlsx).isEqualTo(StatsImportParser.parse(seed(table), CSV, TOWNSHIPS));
      assertThat(fromXlsx.rows()).isNotEmpty();
    }
  }

  @Test
  @DisplayName("the seed's own header (4月发布条数, 完成比例(%)) and a title row above it are accepted")
  void seedHeaderWithTitle() {
    String text = """
        政府信息公开平台县直单位信息发布统计表
        单位名称,本年度任务数,已发布总数,4月发布条数,完成比例(%)
        县农业农村局,550,631,153,114.73
        """;

    ImportPlan plan = county(text);

    assertThat(plan.ok()).isTrue();
    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.rows()).containsExactly(new UnitStats("县农业农村局", Category.COUNTY_DEPT, 550, 631, 153));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      spaces and BOM in headers | ' \uFEFF单位名称 , 本年度 任务数,已发布总数\u3000,本月发布条数,完成比例'
      full-width month and percent | '单位名称,本年度任务数,已发布总数,１２月发布条数,完成比例（％）'
      full-width parentheses | '单位名称,本年度任务数,已发布总数,04月发布条数,完成比例（%）'
      extra columns | '序号,单位名称,本年度任务数,已发布总数,本月发布条数,完成比例,备注'
      """)
  @DisplayName("header variants office staff produce are recognised")
  void headerVariants(String label, String header) {
    String row = header.startsWith("序号") ? "1,县司法局,350,376,71,107.43,无" : "县司法局,350,376,71,107.43";

    ImportPlan plan = county(header + "\n" + row + "\n");

    assertThat(plan.errors()).as(label).isEmpty();
    assertThat(plan.warnings()).as(label).isEmpty();
    assertThat(plan.rows()).containsExactly(new UnitStats("县司法局", Category.COUNTY_DEPT, 350, 376, 71));
  }

  @Test
  @DisplayName("cells with spaces, full-width digits, thousands separators, % and 550.0 are read as the numbers meant")
  void cellVariants() {
    String text = "单位名称,本年度任务数,已发布总数,本月发布条数,完成比例\n"
        + " 大桥镇政府\u3000,５６０,\"1,180\", 279 ,210.71%\n"
        + "小河镇政府,560.0,991,301.00,１７６．９６％\n";

    ImportPlan plan = Fixtures.csv(text, TOWNSHIPS);

    assertThat(plan.warnings()).isEmpty();
    assertThat(plan.rows()).containsExactly(
        new UnitStats("大桥镇政府", Category.TOWNSHIP, 560, 1180, 279),
        new UnitStats("小河镇政府", Category.TOWNSHIP, 560, 991, 301));
  }

  @Test
  @DisplayName("a 类别 column decides each row's category, the argument fills empty cells")
  void categoryColumn() {
    String text = """
        单位名称,本年度任务数,已发布总数,本月发布条数,类别
        县司法局,350,376,71,县直单位
        大阿镇政府,560,426,84,乡（镇）
        县水利局,450,86,19,
        """;

    ImportPlan plan = county(text);

    assertThat(plan.rows()).extracting(UnitStats::category)
        .containsExactly(Category.COUNTY_DEPT, Category.TOWNSHIP, Category.COUNTY_DEPT);
    assertThat(Fixtures.csv(text.replace("县直单位\n", "乡镇\n"), Optional.empty()).ok()).isFalse();
  }

  @Test
  @DisplayName("a ratio that disagrees with the figures is accepted with a warning naming the row and the right value")
  void ratioMismatchWarns() {
    String text = """
        单位名称,本年度任务数,已发布总数,本月发布条数,完成比例
        县司法局,350,376,71,107.43
        县农业农村局,550,631,153,114.70
        县林业局,550,337,50,61.2727
        """;

    ImportPlan plan = county(text);

    assertThat(plan.ok()).isTrue();
    assertThat(plan.rows()).hasSize(3);
    assertThat(plan.warnings()).hasSize(1);
    assertThat(plan.warnings().get(0).row()).isEqualTo(3);
    assertThat(plan.warnings().get(0).message()).contains("114.70").contains("114.73");
  }

  @Test
  @DisplayName("empty rows are skipped but still count in the row numbers the user sees")
  void emptyRowsKeepNumbering() {
    String text = "单位名称,本年度任务数,已发布总数,本月发布条数\r\n\r\n , ,\u3000,\r\n县司法局,350,376,71\r\n,,,\r\n县A局,0,1,1\r\n";

    ImportPlan plan = county(text);

    assertThat(plan.errors()).containsExactly(new RowProblem(6, "“本年度任务数”不能为0"));
  }

  @Test
  @DisplayName("a 合计 row is ignored with a warning, and 本月 above 已发布总数 is a warning")
  void totalRowAndMonthAboveTotal() {
    String text = """
        单位名称,本年度任务数,已发布总数,本月发布条数
        县司法局,350,376,71
        县A局,350,10,20
        合计,700,386,91
        """;

    ImportPlan plan = county(text);

    assertThat(plan.rows()).extracting(UnitStats::unit).containsExactly("县司法局", "县A局");
    assertThat(plan.warnings()).extracting(RowProblem::row).containsExactly(3, 4);
  }

  @Test
  @DisplayName("a quoted CSV field may hold commas, doubled quotes and a line break")
  void quotedFields() {
    String text = "单位名称,本年度任务数,已发布总数,本月发布条数\r\n"
        + "\"县农业农村局,一分队\",550,631,153\r\n"
        + "\"县\"\"二\"\"队\",\"550\",631,153\r\n"
        + "\"县三\n队\",550,631,153\r\n"
        + "县四队,550,631,0";

    ImportPlan plan = county(text);

    assertThat(plan.rows()).extracting(UnitStats::unit)
        .containsExactly("县农业农村局,一分队", "县\"二\"队", "县三队", "县四队");
  }
}
