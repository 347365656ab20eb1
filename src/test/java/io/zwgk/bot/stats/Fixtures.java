package io.zwgk.bot.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Seed tables from the test classpath and XLSX files built on the fly. */
final class Fixtures {
  static final String CSV = "text/csv";
  static final String XLSX = TableFormat.XLSX_CONTENT_TYPE;
  static final String COUNTY = "2024-04-县直单位.csv";
  static final String TOWNSHIP = "2024-04-乡镇.csv";
  static final String COUNTY_BOM = "2024-04-县直单位-bom.csv";

  private Fixtures() {}

  static byte[] seed(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/seed/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource seed/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed table's lines split at commas, header first. */
  static List<String[]> seedCells(String name) {
    return new String(seed(name), StandardCharsets.UTF_8).lines().map(l -> l.split(",", -1)).toList();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static ImportPlan csv(String text, Optional<Category> category) {
    return StatsImportParser.parse(utf8(text), CSV, category);
  }

  static ImportPlan county(String csvText) {
    return csv(csvText, Optional.of(Category.COUNTY_DEPT));
  }

  /** The seed table as spreadsheet values: figures as numbers (ratio as a double), names as strings. */
  static List<List<Object>> seedValues(String name) {
    List<List<Object>> rows = new ArrayList<>();
    for (String[] cells : seedCells(name)) {
      if (rows.isEmpty()) {
        rows.add(List.of((Object[]) cells));
      } else {
        rows.add(List.of(cells[0], Integer.valueOf(cells[1]), Integer.valueOf(cells[2]), Integer.valueOf(cells[3]),
            Double.valueOf(cells[4])));
      }
    }
    return rows;
  }

  static byte[] xlsx(List<List<Object>> rows) {
    return xlsx(ws -> fill(ws, 0, rows));
  }

  /** A workbook with one sheet per filler, in order. */
  @SafeVarargs
  static byte[] xlsx(Consumer<Worksheet>... sheets) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sheets.length; i++) {
      names.add("Sheet" + (i + 1));
    }
    return xlsx(names, sheets);
  }

  /** A workbook with one sheet per filler, in order, named as given. */
  @SafeVarargs
  static byte[] xlsx(List<String> names, Consumer<Worksheet>... sheets) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "zwgk-bot-test", "1.0");
      for (int i = 0; i < sheets.length; i++) {
        sheets[i].accept(workbook.newWorksheet(names.get(i)));
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes rows from a 0-based sheet row; a {@code null} value leaves the cell empty. */
  static void fill(Worksheet ws, int firstRow, List<List<Object>> rows) {
    for (int r = 0; r < rows.size(); r++) {
      List<Object> values = rows.get(r);
      for (int c = 0; c < values.size(); c++) {
        Object v = values.get(c);
        if (v instanceof Number n) {
          ws.value(firstRow + r, c, n);
        } else if (v != null) {
          ws.value(firstRow + r, c, v.toString());
        }
      }
    }
  }
}
