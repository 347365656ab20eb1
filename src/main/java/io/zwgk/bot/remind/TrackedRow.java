package io.zwgk.bot.remind;

import io.zwgk.bot.stats.RowProblem;
import io.zwgk.bot.stats.Sheet;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One data row being read: each accessor returns the interpreted cell, or records a problem and returns a
 * placeholder, so one pass reports every bad cell of the row. Not thread-safe.
 */
final class TrackedRow {
  private final Sheet.Row row;
  private final Map<String, Integer> positions;
  private final List<RowProblem> errors;
  private final List<RowProblem> warnings;
  private final int errorsBefore;

  TrackedRow(Sheet.Row row, Map<String, Integer> positions, List<RowProblem> errors, List<RowProblem> warnings) {
    this.row = row;
    this.positions = positions;
    this.errors = errors;
    this.warnings = warnings;
    this.errorsBefore = errors.size();
  }

  int number() {
    return row.row();
  }

  /** True while no problem was recorded for this row. */
  boolean ok() {
    return errors.size() == errorsBefore;
  }

  String raw(String field) {
    return row.cell(positions.getOrDefault(field, -1));
  }

  /** The configured full name of the unit named in {@code 单位名称}; a name not configured is an error. */
  String unit(Function<String, Optional<String>> units) {
    String typed = TrackedCells.words(raw(TrackedLayout.UNIT));
    if (typed.isEmpty()) {
      return error("缺少单位名称");
    }
    Optional<String> resolved = units.apply(typed);
    if (resolved.isEmpty()) {
      return error("单位“" + TrackedCells.excerpt(typed) + "”不在单位名单中（请核对名称或在bot-config/units.yaml中配置）");
    }
    if (!resolved.get().equals(typed)) {
      warnings.add(new RowProblem(number(), "单位“" + TrackedCells.excerpt(typed) + "”按“" + resolved.orElseThrow() + "”导入"));
    }
    return resolved.orElseThrow();
  }

  /** A required free text (spaces folded). */
  String words(String field) {
    return required(field, TrackedCells.words(raw(field)));
  }

  /** A required short name (no spaces, full-width folded). */
  String name(String field) {
    return required(field, TrackedCells.compact(raw(field)));
  }

  /** A required date. */
  LocalDate date(String field) {
    if (TrackedCells.words(raw(field)).isEmpty()) {
      return error("“" + field + "”未填写");
    }
    return optionalDate(field).orElse(null);
  }

  /** An optional date: empty for an empty cell, an error for a cell that is not a date. */
  Optional<LocalDate> optionalDate(String field) {
    String text = TrackedCells.words(raw(field));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      Optional<LocalDate> date = TrackedCells.date(text);
      if (date.isEmpty()) {
        error(field, "不是日期：" + TrackedCells.excerpt(text) + "（应写成2024-04-29、2024/4/29或2024年4月29日）");
      } else if (date.get().getYear() < TrackedCells.MIN_YEAR || date.get().getYear() > TrackedCells.MAX_YEAR) {
        error(field, "年份不合理：" + TrackedCells.excerpt(text));
        return Optional.empty();
      }
      return date;
    } catch (DateTimeException e) {
      error(field, "日期不存在：" + TrackedCells.excerpt(text));
      return Optional.empty();
    }
  }

  /** 是/否, empty meaning 否. */
  boolean flag(String field) {
    String text = raw(field);
    return TrackedCells.flag(text).orElseGet(() -> {
      error(field, "应填“是”或“否”：" + TrackedCells.excerpt(TrackedCells.words(text)));
      return false;
    });
  }

  /** An optional http(s) address; empty text for an empty cell. */
  String url(String field) {
    String text = TrackedCells.compact(raw(field));
    if (text.isEmpty()) {
      return "";
    }
    return TrackedCells.url(text).orElseGet(() -> error(field, "不是http或https网址：" + TrackedCells.excerpt(text)));
  }

  /** The canonical column class. */
  String columnClass(String field) {
    String text = name(field);
    if (text == null) {
      return null;
    }
    return ColumnClasses.canonical(text).orElseGet(() -> error(field, "无法识别：" + TrackedCells.excerpt(text)
        + "（应为" + String.join("、", ColumnClasses.ALL) + "）"));
  }

  /** Records a problem of the whole row. */
  <T> T error(String message) {
    errors.add(new RowProblem(number(), message));
    return null;
  }

  private <T> T error(String field, String message) {
    return error("“" + field + "”" + message);
  }

  private String required(String field, String text) {
    return text.isEmpty() ? error("“" + field + "”未填写") : text;
  }
}
