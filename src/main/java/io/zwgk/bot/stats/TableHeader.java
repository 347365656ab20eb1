package io.zwgk.bot.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The header row of a statistics table and where each known column sits.
 *
 * @param row the header's row number
 * @param position 0-based position of each column present
 */
record TableHeader(int row, Map<Column, Integer> position) {
  TableHeader {
    position = Collections.unmodifiableMap(new EnumMap<>(position));
  }

  /** Rows shown back when no header is found. */
  private static final int SHOWN_ROWS = 3;
  private static final int SHOWN_ROW_CHARS = 60;

  /**
   * The header among the first non-empty rows: the lowest of the consecutive header rows that names every required
   * column (so a group title over the column names, or a title row, is skipped). A row whose empty cells sit under the names of the row above
   * (a name merged down over two header rows) takes those names. Fails with a message that says what the header must
   * hold and shows the first rows when no row does.
   */
  static TableHeader find(List<RawRow> rows) throws TableException {
    if (rows.isEmpty()) {
      throw new TableException(0, "文件没有内容");
    }
    List<RawRow> candidates = rows.stream().limit(ImportLimits.MAX_TITLE_ROWS + 1L).toList();
    TableHeader found = null;
    for (int i = 0; i < candidates.size(); i++) {
      RawRow row = candidates.get(i);
      if (!namesAnyColumn(row)) {
        if (found != null) {
          break; // the first data row: a header repeated further down is data of another table, not this header
        }
        continue;
      }
      RawRow filled = i == 0 ? row : filledFrom(candidates.get(i - 1), row);
      TableHeader header = complete(row);
      header = header != null ? header : complete(filled);
      found = header != null ? header : found;
    }
    if (found != null) {
      return found;
    }
    RawRow closest = candidates.stream()
        .filter(r -> r.cells().stream().anyMatch(c -> Column.of(c).filter(Column.NAME::equals).isPresent()))
        .findFirst().orElse(null);
    if (closest == null) {
      throw new TableException(0, "找不到表头；" + hint(rows));
    }
    try {
      return of(closest);
    } catch (TableException e) {
      throw e.problem().message().contains("出现了两次") ? e
          : new TableException(e.problem().row(), e.problem().message() + "；" + hint(rows));
    }
  }

  private static String hint(List<RawRow> rows) {
    String shown = rows.stream().limit(SHOWN_ROWS).map(TableHeader::shown).reduce((a, b) -> a + "；" + b).orElse("");
    return "表头须是一行，写明单位名称、本年度任务数、已发布总数、本月发布条数（可另有完成比例、类别）；文件开头几行是：" + shown;
  }

  private static String shown(RawRow row) {
    String text = String.join(" | ", row.cells().stream().map(Cells::clean).toList()).strip();
    text = text.length() <= SHOWN_ROW_CHARS ? text : text.substring(0, SHOWN_ROW_CHARS) + "…";
    return "第" + row.row() + "行“" + text + "”";
  }

  private static boolean namesAnyColumn(RawRow row) {
    return row.cells().stream().anyMatch(c -> Column.of(c).isPresent());
  }

  /** {@code lower} with each empty cell taken from {@code upper} (the text of a cell merged down over both rows). */
  private static RawRow filledFrom(RawRow upper, RawRow lower) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < Math.max(upper.cells().size(), lower.cells().size()); i++) {
      String own = lower.cell(i);
      cells.add(Cells.normalized(own).isEmpty() ? upper.cell(i) : own);
    }
    return new RawRow(lower.row(), cells);
  }

  /** The header of a row that names every required column once, else null. */
  private static TableHeader complete(RawRow row) {
    try {
      return of(row);
    } catch (TableException e) {
      return null;
    }
  }

  static TableHeader of(RawRow header) throws TableException {
    Map<Column, Integer> position = new EnumMap<>(Column.class);
    for (int i = 0; i < header.cells().size(); i++) {
      Column column = Column.of(header.cell(i)).orElse(null);
      if (column != null && position.putIfAbsent(column, i) != null) {
        throw new TableException(header.row(), "表头中“" + column.label() + "”列出现了两次");
      }
    }
    List<String> missing = new ArrayList<>();
    for (Column c : Column.values()) {
      if (c.required() && !position.containsKey(c)) {
        missing.add("“" + c.label() + "”");
      }
    }
    if (!missing.isEmpty()) {
      throw new TableException(header.row(), "表头缺少" + String.join("、", missing) + "列");
    }
    return new TableHeader(header.row(), position);
  }

  /** The column's position, or -1 when the file has no such column. */
  int column(Column column) {
    return position.getOrDefault(column, -1);
  }

  boolean has(Column column) {
    return position.containsKey(column);
  }
}
