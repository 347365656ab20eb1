package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableFormatTest {
  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(nullValues = "NONE", textBlock = """
      text/csv,                                                                    CSV
      'text/csv; charset=utf-8',                                                   CSV
      ' Text/CSV ;charset=UTF-8',                                                  CSV
      application/csv,                                                             CSV
      application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,           XLSX
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; q=1',    XLSX
      application/vnd.ms-excel,                                                    NONE
      application/octet-stream,                                                    NONE
      '',                                                                          NONE
      NONE,                                                                        NONE
      """)
  @DisplayName("content types map to CSV or XLSX ignoring case and parameters; others map to nothing")
  void fromContentType(String contentType, TableFormat expected) {
    assertThat(TableFormat.fromContentType(contentType)).isEqualTo(Optional.ofNullable(expected));
  }

  @ParameterizedTest(name = "''{0}'' -> {1}")
  @CsvSource(nullValues = "NONE", textBlock = """
      2024-04-县直单位.csv,  CSV
      月报.XLSX,            XLSX
      old.xls,             NONE
      NONE,                NONE
      """)
  @DisplayName("file names map by extension")
  void fromFileName(String name, TableFormat expected) {
    assertThat(TableFormat.fromFileName(name)).isEqualTo(Optional.ofNullable(expected));
  }
}
