package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.zwgk.bot.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkCalendarFileTest {
  private static final String HEADER = "date,dow,status,festival,notice_year,note\n";
  private static final String GOOD = "2024-05-01,Wed,off,劳动节,2024,\n";

  @TempDir
  Path dir;
  private Path file;

  @BeforeEach
  void name() {
    file = dir.resolve("holidays-cn.csv");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad status         | 2024-05-02,Thu,holiday,劳动节,2024, | status: must be off or work",
      "dow mismatch       | 2024-05-02,Fri,off,劳动节,2024,     | dow: 2024-05-02 is a Thu, not Fri",
      "unknown dow        | 2024-05-02,Thur,off,劳动节,2024,    | dow: must be one of Mon, Tue, Wed, Thu, Fri, Sat, Sun: \"Thur\"",
      "duplicate date     | 2024-05-01,Wed,off,劳动节,2024,     | date: 2024-05-01 is listed twice (first on line 2)",
      "work on a weekday  | 2024-05-06,Mon,work,劳动节,2024,    | status: work (调休上班) must fall on a Saturday or Sunday, but 2024-05-06 is a Mon",
      "impossible date    | 2024-02-30,Fri,off,春节,2024,       | date: not a date in YYYY-MM-DD form: \"2024-02-30\"",
      "slashed date       | 2024/05/02,Thu,off,劳动节,2024,     | date: not a date in YYYY-MM-DD form: \"2024/05/02\"",
      "empty festival     | 2024-05-02,Thu,off,,2024,           | festival: must not be empty",
      "bad notice year    | 2024-05-02,Thu,off,劳动节,24,       | notice_year: must be a four-digit year such as 2024: \"24\"",
      "foreign notice     | 2024-05-02,Thu,off,劳动节,2025,     | notice_year: 2025 does not fit 2024-05-02; use the date's year, or the next year for a December date",
      "missing field      | 2024-05-02,Thu,off,劳动节,2024      | expected 6 fields (date,dow,status,festival,notice_year,note) but found 5",
      "unclosed quote     | 2024-05-02,Thu,off,\"劳动节,2024,   | a quoted field is not closed",
  })
  @DisplayName("a broken row is refused with file, line, field and reason")
  void brokenRow(String label, String row, String message) throws IOException {
    write(HEADER + GOOD + row + "\n");
    assertThat(problems()).containsExactly(file + ": line 3: " + message);
  }

  @Test
  @DisplayName("every problem of the file is reported at once, in file order, blank lines keeping their numbers")
  void allProblemsTogether() throws IOException {
    write(HEADER + GOOD + "\n2024-05-02,Thu,of,劳动节,2024,\n2024-05-03,Sat,off,劳动节,2024,\n");
    ConfigException e = load();
    assertThat(e.errors()).containsExactly(
        file + ": line 4: status: must be off or work",
        file + ": line 5: dow: 2024-05-03 is a Fri, not Sat");
    assertThat(e.getMessage()).startsWith("2 configuration errors:\n  " + file + ": line 4:");
  }

  @Test
  @DisplayName("a wrong header, an empty file and a header without rows are refused")
  void headerAndEmpty() throws IOException {
    write("date,status\n" + GOOD);
    assertThat(problems()).containsExactly(file + ": line 1: header must be date,dow,status,festival,notice_year,note");
    write("");
    assertThat(problems()).containsExactly(file + ": line 1: header must be date,dow,status,festival,notice_year,note");
    write(HEADER);
    assertThat(problems()).containsExactly(file + ": no rows after the header");
  }

  @Test
  @DisplayName("a file that is not UTF-8 (e.g. saved as GBK) or missing is refused with its name")
  void unreadable() throws IOException {
    Files.write(file, (HEADER + "2024-05-01,Wed,off,").getBytes(StandardCharsets.UTF_8));
    Files.write(file, new byte[] {(byte) 0xC0, (byte) 0xCD}, StandardOpenOption.APPEND);
    assertThat(problems()).containsExactly(file + ": not UTF-8 text; save the file with UTF-8 encoding");
    assertThat(catchThrowableOfType(ConfigException.class, () -> WorkCalendar.load(dir.resolve("none.csv"))).errors())
        .singleElement().asString().startsWith(dir.resolve("none.csv") + ": cannot be read");
  }

  @Test
  @DisplayName("BOM, CRLF, quoted fields, spaces around fields and a December row of next year's notice are accepted")
  void tolerated() throws IOException {
    write("\uFEFF" + HEADER.replace("\n", "\r\n")
        + "2027-12-31, Fri ,off,\"元旦\",2028,\"weekend joined, quoted\"\r\n"
        + "2028-01-01,Sat,off,元旦,2028,\r\n");
    WorkCalendar calendar = WorkCalendar.load(file);
    assertThat(calendar.coveredYears()).containsExactly(2028);
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 31))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 12, 30))).isTrue();
    assertThat(calendar.deadline(LocalDate.of(2027, 12, 30), 1))
        .isEqualTo(new WorkCalendar.Deadline(LocalDate.of(2028, 1, 3), true));
  }

  private ConfigException load() {
    return catchThrowableOfType(ConfigException.class, () -> WorkCalendar.load(file));
  }

  private List<String> problems() {
    ConfigException e = load();
    assertThat(e).as("load should fail").isNotNull();
    return e.errors();
  }

  private void write(String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
