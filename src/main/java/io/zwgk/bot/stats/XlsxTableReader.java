package io.zwgk.bot.stats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the sheets of an XLSX file with fastexcel (the first one, or up to {@value #MAX_SHEETS} of them). Numbers come
 * out as their stored decimal text (550.0 stays
 * "550.0"); a number formatted as a percentage comes out as the percentage the user sees ("114.73%"), one formatted
 * as a date as that date ({@code 2024-04-29}, any time of day dropped).
 */
final class XlsxTableReader {
  private static final Logger log = LoggerFactory.getLogger(XlsxTableReader.class);
  private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2_MAGIC = {
    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
  };

  /** Sheets read at most; a workbook with more is refused. */
  static final int MAX_SHEETS = 20;
  /** Non-empty rows of all sheets together: the data rows plus every sheet's titles and header. */
  private static final int MAX_WORKBOOK_ROWS =
      ImportLimits.MAX_TABLE_ROWS + MAX_SHEETS * (ImportLimits.MAX_TITLE_ROWS + 1);
  /** Excel's own limit on a sheet's name; a longer one (from a hostile file) is cut. */
  private static final int MAX_SHEET_NAME_CHARS = 31;

  private XlsxTableReader() {}

  /** The non-empty rows of the first sheet. */
  static List<RawRow> read(byte[] body) throws TableException {
    return read(body, false).sheets().get(0).rows();
  }

  /** Every sheet, each with its name, in workbook order. */
  static Tables readAll(byte[] body) throws TableException {
    return read(body, true);
  }

  private static Tables read(byte[] body, boolean all) throws TableException {
    if (startsWith(body, OLE2_MAGIC)) {
      throw new TableException(0, "这是旧版.xls或加密的Excel文件，请另存为.xlsx或“CSV UTF-8”后再上传");
    }
    if (!startsWith(body, ZIP_MAGIC)) {
      throw unreadable();
    }
    ZipGuard.check(body, ImportLimits.MAX_XLSX_INFLATED_BYTES);
    ReadingOptions withFormats = new ReadingOptions(true, false);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(body), withFormats)) {
      List<org.dhatim.fastexcel.reader.Sheet> sheets = all
          ? workbook.getSheets().limit(MAX_SHEETS + 1L).toList() : List.of(workbook.getFirstSheet());
      if (sheets.size() > MAX_SHEETS) {
        throw new TableException(0, "工作表超过" + MAX_SHEETS + "个，请删去无关的工作表");
      }
      List<Tables.Part> parts = new ArrayList<>();
      int read = 0;
      int scanned = 0;
      for (org.dhatim.fastexcel.reader.Sheet sheet : sheets) {
        RowBudget budget = new RowBudget(scanned);
        try (Stream<Row> rows = sheet.openStream()) {
          parts.add(new Tables.Part(sheetName(sheet.getName()), collect(rows.iterator(), budget)));
        }
        scanned = budget.scanned();
        read += parts.get(parts.size() - 1).rows().size();
        if (read > MAX_WORKBOOK_ROWS) {
          throw new TableException(0, "数据超过" + ImportLimits.MAX_DATA_ROWS + "行，请拆分后分批导入");
        }
      }
      return new Tables(Tables.UTF_8, parts);
    } catch (IOException | RuntimeException e) {
      log.debug("unreadable xlsx upload: {}", e.toString());
      throw unreadable();
    }
  }

  /** The name without invisible characters, cut to Excel's 31 characters. */
  private static String sheetName(String name) {
    String clean = Cells.clean(name).replaceAll("\\p{Cntrl}", "");
    return clean.length() <= MAX_SHEET_NAME_CHARS ? clean : clean.substring(0, MAX_SHEET_NAME_CHARS) + "…";
  }

  static boolean looksLikeExcel(byte[] body) {
    return startsWith(body, ZIP_MAGIC) || startsWith(body, OLE2_MAGIC);
  }

  static TableException unreadable() {
    return new TableException(0, "不是有效的xlsx文件（文件损坏，或不是Excel 2007及以上格式）");
  }

  private static List<RawRow> collect(Iterator<Row> rows, RowBudget budget) throws TableException {
    List<RawRow> out = new ArrayList<>();
    while (rows.hasNext() && out.size() < ImportLimits.MAX_TABLE_ROWS) {
      Row next = rows.next();
      if (!budget.reaches(next.getRowNum())) {
        break;
      }
      RawRow row = toRawRow(next);
      if (!row.isBlank()) {
        out.add(row);
      }
      if (!budget.counted(row.isBlank())) {
        break;
      }
    }
    return out;
  }

  private static RawRow toRawRow(Row row) throws TableException {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      String text = text(row.getCell(i));
      if (text.length() > ImportLimits.MAX_CELL_CHARS) {
        throw ImportLimits.cellTooLong(row.getRowNum());
      }
      if (i >= ImportLimits.MAX_COLUMNS && !text.isBlank()) {
        throw ImportLimits.tooManyColumns(row.getRowNum());
      }
      cells.add(text);
    }
    return new RawRow(row.getRowNum(), cells.subList(0, Math.min(cells.size(), ImportLimits.MAX_COLUMNS)));
  }

  private static String text(Cell cell) {
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    if (cell.getType() == CellType.STRING) {
      return cell.asString();
    }
    String raw = cell.getRawValue() == null ? "" : cell.getRawValue();
    String format = cell.getDataFormatString();
    if (cell.getType() == CellType.NUMBER && ExcelDates.isDateFormat(cell.getDataFormatId(), format)) {
      return date(cell, raw);
    }
    if (format != null && format.contains("%") && raw.length() <= ImportLimits.MAX_CELL_CHARS) {
      return Cells.number(raw).map(n -> n.movePointRight(2).toString() + "%").orElse(raw);
    }
    return raw;
  }

  private static String date(Cell cell, String raw) {
    try {
      return cell.asDate().toLocalDate().toString();
    } catch (RuntimeException e) {
      return raw;
    }
  }

  private static boolean startsWith(byte[] body, byte[] magic) {
    if (body.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (body[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
