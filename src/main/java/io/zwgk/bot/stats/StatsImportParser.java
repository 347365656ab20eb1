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

  /** Parses a body already known to be CSV or XLSX (e.g. from a file name). */
  public static ImportPlan parse(byte[] body, TableFormat format, Optional<Category> defaultCategory) {
    Optional<Category> fallback = defaultCategory == null ? Optional.empty() : defaultCategory;
    try {
      List<RawRow> table = Spreadsheets.rows(body, format);
      TableHeader header = TableHeader.find(table);
      if (!header.has(Column.CATEGORY) && fallback.isEmpty()) {
        throw new TableException(header.row(), "文件没有“类别”列，请指定这些单位是县直单位还是乡镇");
      }
      return parseRows(header, Spreadsheets.dataRows(table, header.row()), fallback);
    } catch (TableException e) {
      return ImportPlan.failed(e.problem());
    }
  }

  private static ImportPlan parseRows(TableHeader header, List<RawRow> data, Optional<Category> fallback) {
    UnitRowParser parser = new UnitRowParser(header, fallback);
    data.forEach(parser::accept);
    List<RowProblem> errors = listed(parser.errors(), "错误");
    List<RowProblem> warnings = listed(parser.warnings(), "提醒");
    return new ImportPlan(errors.isEmpty() ? parser.rows() : List.of(), errors, warnings);
  }

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
