package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackedCellsTest {
  @ParameterizedTest
  @ValueSource(strings = {"2024-04-29", "2024-4-29", "2024/4/29", "2024/04/29", "2024.4.29", "2024年4月29日",
      "2024年4月29", " 2024-04-29 ", "２０２４年４月２９日", "２０２４／４／２９", "2024/4/29 10:30", "2024-04-29 8:05:09"})
  @DisplayName("the usual ways of writing 29 April 2024 all read as that date")
  void dates(String text) {
    assertThat(TrackedCells.date(text)).contains(LocalDate.of(2024, 4, 29));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "29/4/2024", "4/29/2024", "2024-4/29", "45411", "2024-04", "20240429", "2024-04-29x",
      "明天"})
  @DisplayName("other texts are not dates")
  void notDates(String text) {
    assertThat(TrackedCells.date(text)).isEmpty();
  }

  @Test
  @DisplayName("an impossible day is refused rather than rolled over")
  void impossibleDay() {
    assertThatThrownBy(() -> TrackedCells.date("2023-02-29")).isInstanceOf(DateTimeException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"是", " 是 ", "Y", "yes", "TRUE", "1", "√"})
  @DisplayName("是 and its equivalents are true")
  void yes(String text) {
    assertThat(TrackedCells.flag(text)).contains(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "否", "N", "no", "FALSE", "0", "×"})
  @DisplayName("否, its equivalents and an empty cell are false")
  void no(String text) {
    assertThat(TrackedCells.flag(text)).contains(false);
  }

  @Test
  @DisplayName("a flag that is neither is not guessed")
  void unclearFlag() {
    assertThat(TrackedCells.flag("已完成")).isEmpty();
  }

  @Test
  @DisplayName("only absolute http(s) addresses with a host and no credentials are addresses")
  void urls() {
    assertThat(TrackedCells.url("HTTPS://www.example.gov.cn/a?b=1")).contains("HTTPS://www.example.gov.cn/a?b=1");
    assertThat(TrackedCells.url("ｈｔｔｐ：／／example.gov.cn")).contains("http://example.gov.cn");
    assertThat(TrackedCells.url("javascript:alert(1)")).isEmpty();
    assertThat(TrackedCells.url("http://")).isEmpty();
    assertThat(TrackedCells.url("http://user:pw@example.gov.cn/")).isEmpty();
    assertThat(TrackedCells.url("http://exa mple.gov.cn/<x>")).isEmpty();
  }

  @Test
  @DisplayName("column classes are recognised in full, by either half, with or without 类")
  void columnClasses() {
    assertThat(ColumnClasses.canonical("要闻")).contains(ColumnClasses.NEWS);
    assertThat(ColumnClasses.canonical("动态/要闻类")).contains(ColumnClasses.NEWS);
    assertThat(ColumnClasses.canonical("政策文件类")).contains(ColumnClasses.NOTICES);
    assertThat(ColumnClasses.canonical("人事、规划计划类")).contains(ColumnClasses.PLANS);
    assertThat(ColumnClasses.canonical("其他")).isEmpty();
  }

  @Test
  @DisplayName("free text keeps its characters but folds runs of spaces and drops invisible ones")
  void words() {
    assertThat(TrackedCells.words("\u200B 以干代训\u3000\u3000两次，按时完成 ")).isEqualTo("以干代训 两次，按时完成");
  }
}
