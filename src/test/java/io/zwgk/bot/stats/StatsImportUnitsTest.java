package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit names of an import resolve like the chat commands' names; unknown ones are refused unless accepted. */
class StatsImportUnitsTest {
  private static final Optional<Category> COUNTY = Optional.of(Category.COUNTY_DEPT);
  private static final Optional<Category> TOWNSHIPS = Optional.of(Category.TOWNSHIP);
  private static final String HEADER = "单位名称,本年度任务数,已发布总数,本月发布条数\n";
  private static final List<Unit> CONFIGURED = List.of(
      new Unit("县水利局", Category.COUNTY_DEPT, List.of("水利"), List.of()),
      new Unit("县司法局", Category.COUNTY_DEPT, List.of(), List.of()),
      new Unit("县农业农村局", Category.COUNTY_DEPT, List.of(), List.of()),
      new Unit("县公安局", Category.COUNTY_DEPT, List.of(), List.of()),
      new Unit("县公安局交警大队", Category.COUNTY_DEPT, List.of(), List.of()),
      new Unit("大阿镇政府", Category.TOWNSHIP, List.of("大阿"), List.of()));
  private static final UnitResolver RESOLVER = new UnitResolver(CONFIGURED, new UnitNames(List.of("信丰县", "赣州市")));

  private static ImportPlan parse(String rows, Optional<Category> category, List<Unit> earlier, boolean acceptNew) {
    return StatsImportParser.parse((HEADER + rows).getBytes(StandardCharsets.UTF_8), TableFormat.CSV, category,
        ImportUnits.of(RESOLVER, earlier, acceptNew));
  }

  private static ImportPlan parse(String rows, Optional<Category> category) {
    return parse(rows, category, List.of(), false);
  }

  @Test
  @DisplayName("short, full-width and traditional forms are stored under the configured name, each with a warning")
  void resolvedLikeChat() {
    ImportPlan plan = parse("水利局,450,86,19\n司法局,350,376,71\n縣農業農村局,550,631,153\n大阿镇,560,426,84\n",
        COUNTY);

    assertThat(plan.errors()).extracting(RowProblem::toString) // resolved, then refused for its category
        .containsExactly("第5行：单位“大阿镇政府”配置为乡镇，本行却按县直单位导入（类别取自导入时指定的类别）");
    ImportPlan county = parse("水利局,450,86,19\n司法局,350,376,71\n縣農業農村局,550,631,153\n县公安局,1,1,1\n", COUNTY);
    assertThat(county.errors()).isEmpty();
    assertThat(county.rows()).extracting(UnitStats::unit).containsExactly("县水利局", "县司法局", "县农业农村局", "县公安局");
    assertThat(county.newUnits()).isEmpty();
    assertThat(county.warnings()).extracting(RowProblem::toString).containsExactly(
        "第2行：“水利局”按单位“县水利局”导入", "第3行：“司法局”按单位“县司法局”导入",
        "第4行：“縣農業農村局”按单位“县农业农村局”导入");
  }

  @Test
  @DisplayName("a name of no configured unit rejects the file, every such row listed with did-you-mean suggestions")
  void unknownRejected() {
    ImportPlan plan = parse("县水历局,450,86,19\n县司法局,350,376,71\n中央电视台,1,1,1\n", COUNTY);

    assertThat(plan.ok()).isFalse();
    assertThat(plan.rows()).isEmpty();
    assertThat(plan.newUnits()).isEmpty();
    assertThat(plan.errors()).extracting(RowProblem::toString).containsExactly(
        "第2行：单位“县水历局”不是已配置的单位，是不是“县水利局”？（确是新单位时请加 newUnits=accept 或 --accept-new-units）",
        "第4行：单位“中央电视台”不是已配置的单位（确是新单位时请加 newUnits=accept 或 --accept-new-units）");
  }

  @Test
  @DisplayName("with new units accepted, every new name is listed and stored as written")
  void unknownAccepted() {
    ImportPlan plan = parse("县水历局,450,86,19\n县司法局,350,376,71\n县档案馆,10,5,1\n", COUNTY, List.of(), true);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rows()).extracting(UnitStats::unit).containsExactly("县水历局", "县司法局", "县档案馆");
    assertThat(plan.newUnits()).containsExactly("县水历局", "县档案馆");
  }

  @Test
  @DisplayName("a unit an earlier import created is known by its exact name and is not new again")
  void earlierImportOnlyUnit() {
    ImportPlan plan = parse("县档案馆,10,5,1\n", COUNTY, List.of(Unit.of("县档案馆", Category.COUNTY_DEPT)), false);

    assertThat(plan.errors()).isEmpty();
    assertThat(plan.newUnits()).isEmpty();
    assertThat(plan.rows()).extracting(UnitStats::unit).containsExactly("县档案馆");
  }

  @Test
  @DisplayName("an ambiguous name, and two rows resolving to one unit, are errors")
  void ambiguousAndDuplicate() {
    ImportPlan plan = parse("公安,1,1,1\n县水利局,450,86,19\n水利局,450,86,19\n", COUNTY);

    assertThat(plan.errors()).extracting(RowProblem::toString).containsExactly(
        "第2行：单位“公安”可能是“县公安局”、“县公安局交警大队”，请写全称",
        "第4行：单位“县水利局”与第3行重复");
  }

  @Test
  @DisplayName("a row whose configured unit has another category than the request's is an error, not re-categorised")
  void categoryConflict() {
    ImportPlan plan = parse("县水利局,450,86,19\n大阿镇政府,560,426,84\n", TOWNSHIPS);

    assertThat(plan.rows()).isEmpty();
    assertThat(plan.errors()).extracting(RowProblem::toString).containsExactly(
        "第2行：单位“县水利局”配置为县直单位，本行却按乡镇导入（类别取自导入时指定的类别）");
  }
}
