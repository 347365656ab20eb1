package io.zwgk.bot.stats;

import static io.zwgk.bot.stats.Fixtures.CSV;
import static io.zwgk.bot.stats.Fixtures.XLSX;
import static io.zwgk.bot.stats.Fixtures.county;
import static io.zwgk.bot.stats.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatsImportParserErrorsTest {
  private static final String HEADER = "单位名称,本年度任务数,已发布总数,本月发布条数,类别\n";
  private static final String GOOD = "县司法局,350,376,71,县直单位\n大阿镇政府,560,426,84,乡镇\n";

  private static void assertRejected(ImportPlan plan, int row, String reasonPart) {
    assertThat(plan.ok()).isFalse();
    assertThat(plan.rows()).isEmpty();
    assertThat(plan.errors()).as(plan.errors().toString())
        .anySatisfy(p -> {
          assertThat(p.row()).isEqualTo(row);
          assertThat(p.message()).contains(reasonPart);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      missing name       | ',550,10,1,县直单位'            | 缺少单位名称
      non-integer        | '县A局,abc,10,1,县直单位'        | “本年度任务数”不是整数
      decimal            | '县A局,550,10.5,1,县直单位'      | “已发布总数”不是整数
      negative           | '县A局,550,10,-1,县直单位'       | “本月发布条数”不能为负数
      empty figure       | '县A局,550,,1,县直单位'          | “已发布总数”未填写
      huge figure        | '县A局,99999999999,10,1,县直单位' | 数值过大
      task zero          | '县A局,0,10,1,县直单位'          | “本年度任务数”不能为0
      duplicate unit     | ' 县司法局 ,350,376,71,县直单位'  | 单位“县司法局”与第2行重复
      unknown category   | '县A局,550,10,1,街道'            | 类别“街道”无法识别
      no category        | '县A局,550,10,1,'               | 未填写类别
      """)
  @DisplayName("each kind of bad row rejects the whole file with the row number and a plain reason")
  void badRows(String kind, String badRow, String reason) {
    ImportPlan plan = Fixtures.csv(HEADER + GOOD + badRow + "\n", Optional.empty());

    assertRejected(plan, 4, reason);
    assertThat(plan.errors()).as(kind).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      NUL byte           | '县A{NUL}局'                            | 含有控制字符
      escape character   | '县A{ESC}[31m局'                        | 含有控制字符
      bidi override      | '县A{RLO}局'                            | 含有控制字符
      formula =          | '=HYPERLINK("http://x";"县A局")'         | 不能以 = + - @ 开头
      formula +          | '+1'                                    | 不能以 = + - @ 开头
      formula -          | '-县A局'                                 | 不能以 = + - @ 开头
      formula @          | '@SUM(A1)'                              | 不能以 = + - @ 开头
      markdown link      | '县A局[点此](http://evil.example)'        | 不能含有
      markdown bold      | '**县A局**'                              | 不能含有
      html tag           | '县A局<font color=red>'                  | 不能含有
      backtick           | '县`A`局'                                | 不能含有
      41 characters      | '县一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十'  | 超过40个字
      """)
  @DisplayName("a unit name that is not printable, too long, a formula or markdown rejects the file, naming the row")
  void badUnitNames(String kind, String name, String reason) {
    name = name.replace("{NUL}", "\u0000").replace("{ESC}", "\u001b").replace("{RLO}", "\u202e");
    String cell = name.contains("\"") ? '"' + name.replace("\"", "\"\"") + '"' : name;
    ImportPlan plan = Fixtures.csv(HEADER + GOOD + cell + ",550,10,1,县直单位\n", Optional.empty());

    assertRejected(plan, 4, reason);
    assertThat(plan.errors()).as(kind).hasSize(1);
    assertThat(plan.errors().get(0).message()).as(kind).doesNotContain("\u0000", "\u001b", "\u202e");
  }

  @Test
  @DisplayName("ordinary names pass: Chinese, digits, full-width brackets, a middle hyphen, 40 characters")
  void goodUnitNames() {
    for (String name : List.of("县水利局", "大阿镇政府", "县委办（县档案局）", "第1中学", "县A-B局", "【县】人社局",
        "县一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九")) {
      ImportPlan plan = Fixtures.csv(HEADER + name + ",550,10,1,县直单位\n", Optional.empty());
      assertThat(plan.errors()).as(name).isEmpty();
    }
  }

  @Test
  @DisplayName("bad cells in an XLSX are reported with the sheet's row numbers, 550.5 is not a whole number")
  void badXlsxRows() {
    byte[] xlsx = Fixtures.xlsx(ws -> {
      Fixtures.fill(ws, 0, List.of(List.of("单位名称", "本年度任务数", "已发布总数", "本月发布条数")));
      Fixtures.fill(ws, 1, List.of(List.of("县司法局", 350.0, 376, 71)));
      Fixtures.fill(ws, 4, List.of(List.of("县A局", 550.5, 10, 1)));
    });

    ImportPlan plan = StatsImportParser.parse(xlsx, XLSX, Optional.of(Category.COUNTY_DEPT));

    assertThat(plan.errors()).containsExactly(new RowProblem(5, "“本年度任务数”不是整数：550.5"));
    assertThat(plan.rows()).isEmpty();
  }

  @Test
  @DisplayName("a file without 类别 column and without a category argument is rejected once, at the header")
  void noCategoryAtAll() {
    ImportPlan plan = Fixtures.csv("单位名称,本年度任务数,已发布总数,本月发布条数\n县司法局,350,376,71\n", Optional.empty());

    assertThat(plan.errors()).singleElement().satisfies(p -> {
      assertThat(p.row()).isEqualTo(1);
      assertThat(p.message()).contains("类别");
    });
  }

  @Test
  @DisplayName("a missing required column gives one error naming every missing column")
  void missingColumns() {
    ImportPlan plan = county("单位名称,本年度任务数,完成比例\n县司法局,350,107.43\n");

    assertThat(plan.errors()).containsExactly(new RowProblem(1, "表头缺少“已发布总数”、“本月发布条数”列；"
        + "表头须是一行，写明单位名称、本年度任务数、已发布总数、本月发布条数（可另有完成比例、类别）；"
        + "文件开头几行是：第1行“单位名称 | 本年度任务数 | 完成比例”；第2行“县司法局 | 350 | 107.43”"));
    assertThat(plan.rows()).isEmpty();
  }

  @Test
  @DisplayName("a header naming a column twice, a header without data, and an empty body are rejected")
  void degenerateTables() {
    assertRejected(county("单位名称,本年度任务数,已发布总数,本月发布条数,5月发布条数\n县A局,1,1,1,1\n"), 1, "出现了两次");
    assertRejected(county("单位名称,本年度任务数,已发布总数,本月发布条数\n\n"), 1, "没有数据行");
    assertRejected(county(""), 0, "空");
    assertRejected(county("\uFEFF\n\n"), 0, "没有内容");
  }

  @Test
  @DisplayName("20,000 data rows are accepted, 20,001 are refused with the first row over the cap")
  void rowCap() {
    StringBuilder text = new StringBuilder("单位名称,本年度任务数,已发布总数,本月发布条数\n");
    for (int i = 1; i <= 20_000; i++) {
      text.append("单位").append(i).append(",100,50,5\n");
    }
    assertThat(county(text.toString()).rows()).hasSize(20_000);

    text.append("单位20001,100,50,5\n");
    ImportPlan plan = county(text.toString());

    assertThat(plan.errors()).containsExactly(new RowProblem(20_002, "数据超过20000行，请拆分后分批导入"));
    assertThat(plan.rows()).isEmpty();
  }

  @Test
  @DisplayName("a cell over 200 characters, a row over 64 columns and an unclosed quote are refused with the row")
  void cellAndColumnCaps() {
    String header = "单位名称,本年度任务数,已发布总数,本月发布条数\n";
    assertThat(county(header + "县A局,1,1,1," + "注".repeat(200) + "\n").ok()).isTrue();
    assertRejected(county(header + "县A局,1,1,1\n" + "县B局,1,1,1," + "注".repeat(201) + "\n"), 3, "超过200个字符");
    assertRejected(county(header + "县A局,1,1,1" + ",".repeat(64) + "\n"), 2, "超过64列");
    assertRejected(county(header + "县A局,1,1,1\n\"县B局,1,1,1\n县C局,1,1,1\n"), 3, "引号没有闭合");
  }

  @Test
  @DisplayName("more than 100 errors are listed up to 100 plus one line counting the rest")
  void errorListIsCapped() {
    StringBuilder text = new StringBuilder("单位名称,本年度任务数,已发布总数,本月发布条数\n");
    for (int i = 0; i < 150; i++) {
      text.append("单位").append(i).append(",0,1,1\n");
    }

    List<RowProblem> errors = county(text.toString()).errors();

    assertThat(errors).hasSize(101);
    assertThat(errors.get(100)).isEqualTo(new RowProblem(0, "另有50处错误未列出"));
  }

  @Test
  @DisplayName("an unknown or missing content type is refused without reading the body")
  void wrongContentType() {
    byte[] body = utf8(HEADER + GOOD);
    assertRejected(StatsImportParser.parse(body, "application/pdf", Optional.empty()), 0, "application/pdf");
    assertRejected(StatsImportParser.parse(body, (String) null, Optional.empty()), 0, "不支持的文件类型");
    assertThat(StatsImportParser.parse(body, "TEXT/CSV;charset=UTF-8", Optional.empty()).ok()).isTrue();
  }

  @Test
  @DisplayName("an XLSX sent as CSV, and a CSV neither UTF-8 nor GB18030, get errors that say what to do")
  void misdeclaredBodies() {
    byte[] xlsx = Fixtures.xlsx(List.of(List.of("单位名称")));
    assertRejected(StatsImportParser.parse(xlsx, CSV, Optional.empty()), 0, "Excel");

    byte[] gbk = (HEADER + GOOD).getBytes(Charset.forName("GBK"));
    byte[] neither = Arrays.copyOf(gbk, gbk.length + 1);
    neither[gbk.length] = (byte) 0xFF; // no GB18030 sequence starts with 0xFF, and it is never UTF-8
    assertRejected(StatsImportParser.parse(neither, CSV, Optional.empty()), 0, "GB18030");
  }

  @Test
  @DisplayName("garbage, truncated, non-workbook and legacy .xls bodies sent as XLSX give a clear error, not an exception")
  void garbageXlsx() {
    byte[] random = new byte[4096];
    new Random(42).nextBytes(random);
    byte[] zipHeaderThenGarbage = Arrays.copyOf(new byte[] {0x50, 0x4B, 0x03, 0x04}, 4096);
    System.arraycopy(random, 0, zipHeaderThenGarbage, 4, 4092);
    byte[] valid = Fixtures.xlsx(Fixtures.seedValues(Fixtures.COUNTY));
    byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};

    for (byte[] body : List.of(random, zipHeaderThenGarbage, truncated, zip("hello.txt", new byte[10]), utf8(HEADER))) {
      assertRejected(StatsImportParser.parse(body, XLSX, Optional.empty()), 0, "不是有效的xlsx文件");
    }
    assertRejected(StatsImportParser.parse(ole2, XLSX, Optional.empty()), 0, "旧版.xls");
  }

  @Test
  @DisplayName("an XLSX whose parts inflate beyond 100 MB is refused before the workbook is read")
  void zipBomb() {
    byte[] bomb = zipOfZeros("xl/worksheets/sheet1.xml", 101);
    assertThat(bomb.length).isLessThan(1024 * 1024);

    assertRejected(StatsImportParser.parse(bomb, XLSX, Optional.empty()), 0, "解压后超过100MB");
  }

  static byte[] zipOfZeros(String entry, int megabytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      byte[] megabyte = new byte[1024 * 1024];
      for (int i = 0; i < megabytes; i++) {
        zip.write(megabyte);
      }
      zip.closeEntry();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  static byte[] zip(String entry, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content);
      zip.closeEntry();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }
}
