package io.zwgk.bot.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The attachment tables as an {@code .xlsx} workbook (fastexcel), one sheet per table: the title in a merged first
 * row, the headers, then one row per unit with numbers as numbers and 完成比例 formatted {@code 0.00}. The header row
 * is the statistics import's, so a sheet can be imported again.
 */
final class XlsxWriter {
  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final double[] WIDTHS = {28, 14, 14, 14, 14};

  private XlsxWriter() {
  }

  static byte[] xlsx(Bulletin b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "zwgk-bot", "1.0");
      if (b.tables().isEmpty()) {
        workbook.newWorksheet("说明").value(0, 0, b.title() + "：暂无统计数据");
      }
      b.tables().forEach(t -> sheet(workbook.newWorksheet(sheetName(t)), t));
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code 附件1 县直单位}: short, and free of the characters Excel forbids in sheet names. */
  static String sheetName(Bulletin.Table t) {
    return (t.label() + " " + t.category().label()).replaceAll("[\\\\/?*\\[\\]:]", "");
  }

  private static void sheet(Worksheet ws, Bulletin.Table t) {
    ws.value(0, 0, t.label() + " " + t.title());
    ws.range(0, 0, 0, WIDTHS.length - 1).merge();
    ws.style(0, 0).bold().fontSize(14).horizontalAlignment("center").set();
    List<String> headers = t.headers();
    for (int c = 0; c < headers.size(); c++) {
      ws.value(1, c, headers.get(c));
      ws.style(1, c).bold().horizontalAlignment("center").borderStyle(BorderStyle.THIN).set();
      ws.width(c, WIDTHS[c]);
    }
    for (int i = 0; i < t.rows().size(); i++) {
      Bulletin.Row r = t.rows().get(i);
      int row = i + 2;
      ws.value(row, 0, r.unit());
      ws.value(row, 1, r.task());
      ws.value(row, 2, r.total());
      ws.value(row, 3, r.month());
      ws.value(row, 4, r.ratio());
      for (int c = 0; c < 4; c++) {
        ws.style(row, c).borderStyle(BorderStyle.THIN).set();
      }
      ws.style(row, 4).format("0.00").borderStyle(BorderStyle.THIN).set();
    }
  }
}
