package io.zwgk.bot.bench;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.UnitStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The office's data at any scale, always the same for a given size (seeded): {@code n} units, half county
 * departments and half townships, with figures in the ranges of the April 2024 bulletin; as rows, as a month's
 * {@link PeriodStats}, or as the XLSX attachment table staff upload (with 完成比例 and 类别 columns).
 */
final class Fixtures {
  private Fixtures() {
  }

  static List<UnitStats> rows(int n) {
    Random random = new Random(42);
    List<UnitStats> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean dept = i % 2 == 0;
      int task = 100 + random.nextInt(501);
      int total = random.nextInt(2 * task + 1);
      int month = random.nextInt(Math.min(total, 480) + 1);
      String name = dept ? String.format("县第%05d局", i) : String.format("第%05d镇政府", i);
      rows.add(new UnitStats(name, dept ? Category.COUNTY_DEPT : Category.TOWNSHIP, task, total, month));
    }
    return rows;
  }

  static PeriodStats period(int n) {
    return new PeriodStats(YearMonth.of(2024, 4), rows(n));
  }

  static byte[] xlsx(int n) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "zwgk-bench", "1.0");
      Worksheet ws = wb.newWorksheet("2024年4月");
      String[] header = {"单位名称", "本年度任务数", "已发布总数", "本月发布条数", "完成比例", "类别"};
      for (int c = 0; c < header.length; c++) {
        ws.value(0, c, header[c]);
      }
      List<UnitStats> rows = rows(n);
      for (int r = 0; r < rows.size(); r++) {
        UnitStats u = rows.get(r);
        ws.value(r + 1, 0, u.unit());
        ws.value(r + 1, 1, u.task());
        ws.value(r + 1, 2, u.total());
        ws.value(r + 1, 3, u.month());
        ws.value(r + 1, 4, u.ratio());
        ws.value(r + 1, 5, u.category().label());
      }
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
