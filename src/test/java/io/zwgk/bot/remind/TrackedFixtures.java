package io.zwgk.bot.remind;

import io.zwgk.bot.stats.TableFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Units, a weekend-only calendar and table builders for tracked-item tests. */
final class TrackedFixtures {
  static final String CSV = "text/csv";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final Map<String, String> UNITS = Map.of(
      "县水利局", "县水利局", "水利局", "县水利局",
      "县司法局", "县司法局",
      "大阿镇政府", "大阿镇政府", "大阿镇", "大阿镇政府");
  static final Function<String, Optional<String>> RESOLVER = name -> Optional.ofNullable(UNITS.get(name));
  /** Monday to Friday are working days; the start day is not counted. */
  static final BiFunction<LocalDate, Integer, LocalDate> WEEKDAYS = (start, days) -> {
    LocalDate d = start;
    for (int left = days; left > 0; ) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return d;
  };
  static final TrackedImportParser PARSER = new TrackedImportParser(RESOLVER, WEEKDAYS);

  private TrackedFixtures() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static TrackedImportPlan csv(TrackedKind kind, String text) {
    return PARSER.parse(kind, utf8(text), TableFormat.CSV);
  }

  /** A one-sheet workbook; LocalDate values become date cells formatted yyyy-mm-dd, null leaves a cell empty. */
  static byte[] xlsx(List<List<Object>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "zwgk-bot-test", "1.0");
      Worksheet ws = workbook.newWorksheet("Sheet1");
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < rows.get(r).size(); c++) {
          put(ws, r, c, rows.get(r).get(c));
        }
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void put(Worksheet ws, int r, int c, Object v) {
    if (v instanceof LocalDate d) {
      ws.value(r, c, d);
      ws.style(r, c).format("yyyy-mm-dd").set();
    } else if (v instanceof Number n) {
      ws.value(r, c, n);
    } else if (v != null) {
      ws.value(r, c, v.toString());
    }
  }
}
