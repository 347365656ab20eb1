package io.zwgk.bot.stats;

import java.util.List;
import java.util.Set;

/**
 * Reads an uploaded CSV or XLSX table with the guards of the statistics import, for any feature that imports tables:
 * UTF-8 (a BOM is dropped) or else GB18030/GBK as Excel saves "CSV" on Chinese Windows, quoted CSV fields, the first
 * sheet of an XLSX file only ({@link StatsImportParser} reads every sheet),
 * zip bombs and legacy {@code .xls} refused, at most {@value ImportLimits#MAX_DATA_ROWS} data rows, 64 columns and
 * 200 characters a cell. Pure and synchronous; call it off the event loop.
 */
public final class Spreadsheets {
  private Spreadsheets() {}

  /**
   * Reads a table whose header is the first of its first few non-empty rows (title rows above it are skipped) that
   * holds one of {@code headerNames}; the first row when none does.
   *
   * @param headerNames normalised header texts that identify the header row
   * @throws ImportRejectedException with one {@link RowProblem} when the file cannot be read, exceeds a limit, or has
   *     no data row below its header
   */
  public static Sheet read(byte[] body, TableFormat format, Set<String> headerNames) {
    try {
      List<RawRow> table = rows(body, format);
      if (table.isEmpty()) {
        throw new TableException(0, "文件没有内容");
      }
      RawRow header = table.stream()
          .limit(ImportLimits.MAX_TITLE_ROWS + 1L)
          .filter(r -> r.cells().stream().anyMatch(c -> headerNames.contains(Cells.normalized(c))))
          .findFirst()
          .orElse(table.get(0));
      List<Sheet.Row> data = dataRows(table, header.row()).stream()
          .map(r -> new Sheet.Row(r.row(), r.cells()))
          .toList();
      return new Sheet(header.row(), header.cells().stream().map(Cells::normalized).toList(), data);
    } catch (TableException e) {
      throw new ImportRejectedException(List.of(e.problem()));
    }
  }

  /** The non-empty rows of a table (the first sheet of an XLSX file), header and titles included. */
  static List<RawRow> rows(byte[] body, TableFormat format) throws TableException {
    check(body, format);
    return format == TableFormat.CSV ? CsvTableReader.read(body) : XlsxTableReader.read(body);
  }

  /** Every sheet of a table (a CSV file is one), with the text encoding it was read in. */
  static Tables tables(byte[] body, TableFormat format) throws TableException {
    check(body, format);
    return format == TableFormat.CSV ? CsvTableReader.tables(body) : XlsxTableReader.readAll(body);
  }

  private static void check(byte[] body, TableFormat format) throws TableException {
    if (body == null || body.length == 0) {
      throw new TableException(0, "文件是空的");
    }
    if (format == TableFormat.CSV && XlsxTableReader.looksLikeExcel(body)) {
      throw new TableException(0, "文件内容是Excel格式，却按CSV上传；请按xlsx上传，或另存为“CSV UTF-8”");
    }
  }

  /** The rows below the header; refuses a table without data rows or with too many. */
  static List<RawRow> dataRows(List<RawRow> table, int headerRow) throws TableException {
    List<RawRow> data = table.stream().filter(r -> r.row() > headerRow).toList();
    if (data.isEmpty()) {
      throw new TableException(headerRow, "表头下面没有数据行");
    }
    if (data.size() > ImportLimits.MAX_DATA_ROWS) {
      throw new TableException(data.get(ImportLimits.MAX_DATA_ROWS).row(),
          "数据超过" + ImportLimits.MAX_DATA_ROWS + "行，请拆分后分批导入");
    }
    return data;
  }
}
