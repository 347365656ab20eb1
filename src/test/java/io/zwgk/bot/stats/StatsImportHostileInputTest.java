package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.testing.Fuzz;
import io.zwgk.bot.testing.HostileInput;
import io.zwgk.bot.testing.HostileTables;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault drill: hostile uploads reach the statistics import parser, which never throws on bad input and lists a
 * bounded number of problems.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class StatsImportHostileInputTest {
  private static final List<List<String>> SEED = Fixtures.seedCells(Fixtures.COUNTY).stream()
      .map(cells -> Arrays.asList(cells)).toList();

  private static Optional<Category> category(HostileInput in) {
    return switch (in.random().nextInt(3)) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(Category.COUNTY_DEPT);
      default -> Optional.of(Category.TOWNSHIP);
    };
  }

  private static boolean parseChecked(byte[] body, String contentType, HostileInput in) {
    ImportPlan plan = StatsImportParser.parse(body, contentType, category(in));
    assertThat(plan.errors().size()).as("errors listed").isLessThanOrEqualTo(ImportLimits.MAX_LISTED_PROBLEMS + 1);
    assertThat(plan.warnings().size()).as("warnings listed").isLessThanOrEqualTo(ImportLimits.MAX_LISTED_PROBLEMS + 1);
    assertThat(plan.rows().size()).isLessThanOrEqualTo(ImportLimits.MAX_DATA_ROWS);
    return plan.ok();
  }

  @Test
  @DisplayName("the fuzz is not vacuous: the unmutated seed table imports as XLSX")
  void templateImports() {
    ImportPlan plan = StatsImportParser.parse(HostileTables.workbook(SEED), Fixtures.XLSX,
        Optional.of(Category.COUNTY_DEPT));
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.rows()).hasSize(SEED.size() - 1);
  }

  @Test
  @DisplayName("random bytes, invalid UTF-8 and hostile text under any content type: a plan, never an exception")
  void rawBodies() {
    Fuzz.cases(30_000, 600, in -> parseChecked(in.bytes(), switch (in.random().nextInt(4)) {
      case 0 -> Fixtures.CSV;
      case 1 -> Fixtures.XLSX;
      case 2 -> null;
      default -> in.mixed(3);
    }, in));
  }

  @Test
  @DisplayName("mutations of the seed table as CSV (hostile cells, quoting chaos, extra rows): a plan, never an"
      + " exception")
  void mutatedCsv() {
    int[] ok = {0};
    Fuzz.cases(31_000, 200, in -> {
      if (parseChecked(HostileTables.csv(in, HostileTables.mutate(in, SEED)), Fixtures.CSV, in)) {
        ok[0]++;
      }
    });
    assertThat(ok[0]).as("some mutations still import").isPositive();
  }

  @Test
  @DisplayName("mutations of the seed table as XLSX, also with tampered XML (entity bombs, absurd cell references):"
      + " a plan, never an exception")
  void mutatedXlsx() {
    int[] ok = {0};
    Fuzz.cases(32_000, 80, in -> {
      if (parseChecked(HostileTables.xlsx(in, HostileTables.mutate(in, SEED)), Fixtures.XLSX, in)) {
        ok[0]++;
      }
    });
    assertThat(ok[0]).as("some mutations still import").isPositive();
  }
}
