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

  /** The header among the first non-empty rows (title rows above it are skipped); the first row when none fits. */
  static TableHeader find(List<RawRow> rows) throws TableException {
    if (rows.isEmpty()) {
      throw new TableException(0, "文件没有内容");
    }
    RawRow header = rows.stream()
        .limit(ImportLimits.MAX_TITLE_ROWS + 1L)
        .filter(r -> r.cells().stream().anyMatch(c -> Column.of(c).filter(Column.NAME::equals).isPresent()))
        .findFirst()
        .orElse(rows.get(0));
    return of(header);
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
