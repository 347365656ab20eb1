package io.zwgk.bot.stats;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a statistics table sent without a month (a file sent to the robot): whether any sheet has the statistics
 * header, and the month the file names. Pure and synchronous; call it off the event loop.
 */
final class StatsDrafts {
  private static final Pattern MONTH = Pattern.compile(
      "(?<!\\d)(20\\d{2})\\s*(?:[-_./]|年)\\s*(0?[1-9]|1[0-2])(?!\\d)");
  private static final String MONTH_LABEL = "月份";

  private StatsDrafts() {}

  /** The parsed plan with the month and category the file names, or empty when no sheet has a statistics header. */
  static Optional<StatsPreview> read(byte[] body, TableFormat format, String fileName, ImportUnits units) {
    Tables tables;
    try {
      tables = Spreadsheets.tables(body, format);
    } catch (TableException e) {
      return Optional.empty();
    }
    Optional<TableHeader> header = tables.sheets().stream().map(StatsDrafts::header).flatMap(Optional::stream)
        .findFirst();
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Optional<Category> category = Category.fromSheetName(stem(fileName));
    Optional<YearMonth> period = month(fileName)
        .or(() -> tables.sheets().stream().map(p -> month(p.rows())).flatMap(Optional::stream).findFirst());
    ImportPlan plan = StatsImportParser.parse(body, format, category, units);
    return Optional.of(new StatsPreview(period, category, plan, new ImportChanges(plan.rows().size(), 0, 0)));
  }

  private static Optional<TableHeader> header(Tables.Part part) {
    try {
      return part.rows().isEmpty() ? Optional.empty() : Optional.of(TableHeader.find(part.rows()));
    } catch (TableException e) {
      return Optional.empty();
    }
  }

  /** The month a text names ({@code 2024-04}, {@code 2024年4月}, {@code 2024.4}), if it names one. */
  static Optional<YearMonth> month(String text) {
    Matcher m = MONTH.matcher(text == null ? "" : Cells.normalized(text));
    return m.find() ? Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }

  /**
   * The month of the title rows above a table: a title naming one ({@code 2024年4月政务公开信息发布情况}), or a
   * {@code 月份} cell with the month after it, beside it or below it.
   */
  private static Optional<YearMonth> month(List<RawRow> rows) {
    List<RawRow> top = rows.stream().limit(ImportLimits.MAX_TITLE_ROWS + 2L).toList();
    for (int i = 0; i < top.size(); i++) {
      RawRow row = top.get(i);
      boolean title = row.cells().stream().filter(c -> !Cells.clean(c).isEmpty()).count() <= 2;
      for (int c = 0; c < row.cells().size(); c++) {
        String cell = Cells.normalized(row.cell(c));
        Optional<YearMonth> found = Optional.empty();
        if (cell.startsWith(MONTH_LABEL)) {
          String right = row.cell(c + 1);
          String below = i + 1 < top.size() ? top.get(i + 1).cell(c) : "";
          found = month(cell).or(() -> month(right)).or(() -> month(below));
        } else if (title) {
          found = month(cell);
        }
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String stem(String fileName) {
    String name = fileName == null ? "" : fileName;
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
