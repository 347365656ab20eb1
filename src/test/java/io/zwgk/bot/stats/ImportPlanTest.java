package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ImportPlanTest {
  private static final UnitStats ROW = new UnitStats("县司法局", Category.COUNTY_DEPT, 350, 376, 71);

  @Test
  @DisplayName("a plan with errors cannot carry rows, and is not ok")
  void errorsExcludeRows() {
    List<RowProblem> errors = List.of(new RowProblem(2, "缺少单位名称"));

    assertThatThrownBy(() -> new ImportPlan(List.of(ROW), errors, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ImportPlan(List.of(), errors, List.of()).ok()).isFalse();
    assertThat(new ImportPlan(List.of(ROW), List.of(), errors).ok()).isTrue();
  }

  @Test
  @DisplayName("a problem reads as 第N行：reason, or just the reason for the whole file")
  void problemText() {
    assertThat(new RowProblem(3, "缺少单位名称")).hasToString("第3行：缺少单位名称");
    assertThat(new RowProblem(0, "文件是空的")).hasToString("文件是空的");
    assertThatThrownBy(() -> new RowProblem(-1, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
