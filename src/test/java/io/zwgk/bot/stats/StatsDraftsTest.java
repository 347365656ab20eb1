package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StatsDraftsTest {
  private static final String HEADER = "单位名称,本年度任务数,已发布总数,本月发布条数,类别\n";
  private static final String ROW = "县水利局,100,10,3,县直单位\n";

  @Test
  @DisplayName("the month comes from the file name first (2024-04, 2024年4月, 2024.4)")
  void monthFromFileName() {
    assertThat(read("2024-04-县直单位.csv", HEADER + ROW).period()).contains(YearMonth.of(2024, 4));
    assertThat(read("2024年3月统计.csv", "2024年4月发布情况\n" + HEADER + ROW).period()).contains(YearMonth.of(2024, 3));
    assertThat(StatsDrafts.month("统计2024.11.csv")).contains(YearMonth.of(2024, 11));
    assertThat(StatsDrafts.month("统计2024-13.csv")).isEmpty();
  }

  @Test
  @DisplayName("without one in the file name, from a title row or a 月份 cell beside or below it")
  void monthFromTitleOrMonthCell() {
    assertThat(read("统计.csv", "2024年4月政务公开信息发布情况\n" + HEADER + ROW).period())
        .contains(YearMonth.of(2024, 4));
    assertThat(read("统计.csv", "月份,2024-05\n" + HEADER + ROW).period()).contains(YearMonth.of(2024, 5));
    assertThat(read("统计.csv", "月份\n2024年6月\n" + HEADER + ROW).period()).contains(YearMonth.of(2024, 6));
    assertThat(read("统计.csv", HEADER + ROW).period()).isEmpty();
  }

  @Test
  @DisplayName("the category the file name gives applies to rows without one; a table without the header is none")
  void categoryAndRecognition() {
    StatsPreview township = read("2024-04-乡镇.csv", "单位名称,本年度任务数,已发布总数,本月发布条数\n大桥镇,100,10,3\n");
    assertThat(township.categories()).containsExactly(Category.TOWNSHIP);
    assertThat(StatsDrafts.read("x.csv".getBytes(StandardCharsets.UTF_8), TableFormat.CSV, "通知.csv",
        ImportUnits.anyName())).isEmpty();
  }

  private static StatsPreview read(String name, String csv) {
    Optional<StatsPreview> preview = StatsDrafts.read(csv.getBytes(StandardCharsets.UTF_8), TableFormat.CSV, name,
        ImportUnits.anyName());
    assertThat(preview).isPresent();
    return preview.get();
  }
}
