package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.testing.Fuzz;
import io.zwgk.bot.testing.HostileTables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault drill: hostile uploads of every tracked-item kind reach the parser, which never throws on bad input. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TrackedImportHostileInputTest {
  private static final String[] UNITS = {"县水利局", "县司法局", "大阿镇政府"};

  /** A valid table of the kind: its header and three plausible rows. */
  static List<List<String>> template(TrackedKind kind) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(TrackedLayout.fields(kind).stream().map(TrackedLayout.Field::name).toList());
    for (String unit : UNITS) {
      rows.add(TrackedLayout.fields(kind).stream().map(f -> value(f.name(), unit)).toList());
    }
    return rows;
  }

  private static String value(String field, String unit) {
    if (field.equals(TrackedLayout.UNIT)) {
      return unit;
    } else if (field.contains("日期") || field.contains("期限")) {
      return "2024-04-26";
    } else if (field.startsWith("是否") || field.contains("已")) {
      return "否";
    } else if (field.equals("网址")) {
      return "https://www.example.gov.cn/" + unit.hashCode() + "/";
    } else if (field.equals("类别")) {
      return "动态";
    }
    return field + "-" + unit;
  }

  private static boolean parseChecked(TrackedKind kind, byte[] body, String contentType) {
    TrackedImportPlan plan = TrackedFixtures.PARSER.parse(kind, body, contentType);
    assertThat(plan.errors().size()).isLessThanOrEqualTo(TrackedImportParser.MAX_LISTED_PROBLEMS + 1);
    assertThat(plan.warnings().size()).isLessThanOrEqualTo(TrackedImportParser.MAX_LISTED_PROBLEMS + 1);
    return plan.ok();
  }

  @Test
  @DisplayName("random bytes and hostile text as CSV or XLSX of every kind: a plan, never an exception")
  void rawBodies() {
    Fuzz.cases(40_000, 500, in -> parseChecked(TrackedKind.values()[in.random().nextInt(TrackedKind.values().length)],
        in.bytes(), in.random().nextBoolean() ? TrackedFixtures.CSV : TrackedFixtures.XLSX));
  }

  @Test
  @DisplayName("mutations of a valid table of every kind, as CSV and as (tampered) XLSX: a plan, never an exception")
  void mutatedTables() {
    int[] ok = {0};
    Fuzz.cases(41_000, 300, in -> {
      TrackedKind kind = TrackedKind.values()[in.random().nextInt(TrackedKind.values().length)];
      List<List<String>> rows = HostileTables.mutate(in, template(kind));
      boolean csv = in.random().nextInt(3) > 0;
      if (parseChecked(kind, csv ? HostileTables.csv(in, rows) : HostileTables.xlsx(in, rows),
          csv ? TrackedFixtures.CSV : TrackedFixtures.XLSX)) {
        ok[0]++;
      }
    });
    assertThat(ok[0]).as("some mutations still import").isPositive();
  }

  @Test
  @DisplayName("the templates themselves import cleanly for every kind, as CSV and as XLSX")
  void templatesImport() {
    for (TrackedKind kind : TrackedKind.values()) {
      TrackedImportPlan csv = TrackedFixtures.PARSER.parse(kind, TrackedFixtures.utf8(String.join("\n",
          template(kind).stream().map(r -> String.join(",", r)).toList())), TrackedFixtures.CSV);
      TrackedImportPlan xlsx = TrackedFixtures.PARSER.parse(kind, HostileTables.workbook(template(kind)),
          TrackedFixtures.XLSX);
      assertThat(csv.errors()).as(kind.name()).isEmpty();
      assertThat(csv.items()).as(kind.name()).hasSize(3);
      assertThat(xlsx.items()).as(kind.name()).isEqualTo(csv.items());
    }
  }
}
