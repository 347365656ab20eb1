package io.zwgk.bot.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses an uploaded statistics table (CSV or XLSX) into one month's {@link UnitStats}.
 *
 * <p>The header row holds {@code 单位名称,本年度任务数,已发布总数,本月发布条数} ({@code N月发布条数} also accepted) and
 * optionally {@code 完成比例} and {@code 类别}; other columns and empty rows are ignored. Pure and synchronous: it does
 * no I/O beyond reading the given bytes, never throws on bad input, and may take a few hundred milliseconds on a
 * large file, so call it off the event loop ({@code executeBlocking}).
 */
public final class StatsImportParser {
  private StatsImportParser() {}

  /**
   * Parses a body of the given HTTP content type.
   *
   * @param defaultCategory the category of rows that have no {@code 类别} value
   */
  public static ImportPlan parse(byte[] body, String contentType, Optional<Category> defaultCategory) {
    Optional<TableFormat> format = TableFormat.fromContentType(contentType);
    if (format.isEmpty()) {
      String shown = contentType == null || contentType.isBlank() ? "未声明" : contentType.strip();
      return ImportPlan.failed(new RowProblem(0, "不支持的文件类型（" + shorten(shown) + "），请上传CSV（text/csv）或xlsx文件"));
    }
    return parse(body, format.get(), defaultCategory);
  }

  /** Parses a body already known to be CSV or XLSX (e.g. from a file name); every unit name is taken as written. */
  public static ImportPlan parse(byte[] body, TableFormat format, Optional<Category> defaultCategory) {
    return parse(body, format, defaultCategory, ImportUnits.anyName());
  }

  /**
   * Parses every sheet whose header matches. A row's category is its {@code 类别} value, else the one its sheet's name
   * gives ({@link Category#fromSheetName}), else {@code requested}.
   *
   * @param units how unit names are resolved and whether new ones are accepted
   */
  static ImportPlan parse(byte[] body, TableFormat format, Optional<Category> requested, ImportUnits units) {
    Optional<Category> fallback = requested == null ? Optional.empty() : requested;
    try {
      Tables tables = Spreadsheets.tables(body, format);
      boolean workbook = tables.sheets().size() > 1;
      List<Found> found = new ArrayList<>();
      List<RowProblem> skipped = new ArrayList<>();
      TableException first = null;
      for (Tables.Part part : tables.sheets()) {
        if (part.rows().isEmpty()) {
          continue;
        }
        try {
          found.add(new Found(part, TableHeader.find(part.rows())));
        } catch (TableException e) {
          first = first != null ? first : workbook ? inSheet(part, e) : e;
          skipped.add(new RowProblem(0, "工作表“" + part.name() + "”没有统计表头，已跳过"));
        }
      }
      if (found.isEmpty()) {
        throw first != null ? first : new TableException(0, "文件没有内容");
      }
      return parseSheets(found, workbook, fallback, units, tables.encoding(), skipped);
    } catch (TableException e) {
      return ImportPlan.failed(e.problem());
    }
  }

  private static ImportPlan parseSheets(List<Found> found, boolean workbook, Optional<Category> requested,
      ImportUnits units, String encoding, List<RowProblem> skipped) throws TableException {
    UnitRowParser parser = new UnitRowParser(units);
    int dataRows = 0;
    for (Found f : found) {
      Optional<Category> fromName = Category.fromSheetName(f.part().name());
      Optional<Category> fallback = fromName.or(() -> requested);
      if (!f.header().has(Column.CATEGORY) && fallback.isEmpty()) {
        throw sheetProblem(workbook, f.part(), f.header().row(), "文件没有“类别”列，请指定这些单位是县直单位还是乡镇");
      }
      List<RawRow> data;
      try {
        data = Spreadsheets.dataRows(f.part().rows(), f.header().row());
      } catch (TableException e) {
        throw workbook ? inSheet(f.part(), e) : e;
      }
      dataRows += data.size();
      if (dataRows > ImportLimits.MAX_DATA_ROWS) {
        throw new TableException(0, "数据超过" + ImportLimits.MAX_DATA_ROWS + "行，请拆分后分批导入");
      }
      String source = fromName.isPresent() ? "类别取自工作表名“" + f.part().name() + "”" : "类别取自导入时指定的类别";
      parser.sheet(f.header(), fallback, source, workbook ? f.part().name() : "");
      data.forEach(parser::accept);
    }
    List<RowProblem> errors = listed(parser.errors(), "错误");
    List<RowProblem> warnings = new ArrayList<>(listed(parser.warnings(), "提醒"));
    warnings.addAll(skipped);
    boolean ok = errors.isEmpty();
    return new ImportPlan(ok ? parser.rows() : List.of(), errors, warnings, ok ? parser.newUnits() : List.of(),
        encoding);
  }

  private static TableException sheetProblem(boolean workbook, Tables.Part part, int row, String message) {
    return new TableException(row, workbook ? "工作表“" + part.name() + "”，" + message : message);
  }

  private static TableException inSheet(Tables.Part part, TableException e) {
    return new TableException(e.problem().row(), "工作表“" + part.name() + "”，" + e.problem().message());
  }

  private record Found(Tables.Part part, TableHeader header) {}

  private static List<RowProblem> listed(List<RowProblem> problems, String kind) {
    if (problems.size() <= ImportLimits.MAX_LISTED_PROBLEMS) {
      return problems;
    }
    List<RowProblem> shown = new ArrayList<>(problems.subList(0, ImportLimits.MAX_LISTED_PROBLEMS));
    shown.add(new RowProblem(0, "另有" + (problems.size() - ImportLimits.MAX_LISTED_PROBLEMS) + "处" + kind + "未列出"));
    return shown;
  }

  private static String shorten(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
