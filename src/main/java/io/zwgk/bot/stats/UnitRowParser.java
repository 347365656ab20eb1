package io.zwgk.bot.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns data rows into {@link UnitStats}, collecting every row's errors and warnings. Not thread-safe. */
final class UnitRowParser {
  private static final Set<String> TOTAL_ROW_NAMES = Set.of("合计", "总计", "小计", "合计:", "总计:");

  private final TableHeader header;
  private final Optional<Category> defaultCategory;
  private final Map<String, Integer> seen = new HashMap<>();
  private final List<UnitStats> rows = new ArrayList<>();
  private final List<RowProblem> errors = new ArrayList<>();
  private final List<RowProblem> warnings = new ArrayList<>();

  UnitRowParser(TableHeader header, Optional<Category> defaultCategory) {
    this.header = header;
    this.defaultCategory = defaultCategory;
  }

  List<UnitStats> rows() {
    return rows;
  }

  List<RowProblem> errors() {
    return errors;
  }

  List<RowProblem> warnings() {
    return warnings;
  }

  void accept(RawRow row) {
    String name = Cells.clean(row.cell(header.column(Column.NAME)));
    if (TOTAL_ROW_NAMES.contains(Cells.normalized(name))) {
      warnings.add(new RowProblem(row.row(), "“" + name + "”行不是单位，已忽略"));
      return;
    }
    int errorsBefore = errors.size();
    checkName(row, name);
    Integer task = count(row, Column.TASK);
    Integer total = count(row, Column.TOTAL);
    Integer month = count(row, Column.MONTH);
    if (task != null && task == 0) {
      error(row, "“本年度任务数”不能为0");
    }
    Category category = category(row);
    if (errors.size() == errorsBefore) {
      UnitStats stats = new UnitStats(name, category, task, total, month);
      checkRatio(row, stats);
      if (month > total) {
        warnings.add(new RowProblem(row.row(), "本月发布条数" + month + "大于已发布总数" + total));
      }
      rows.add(stats);
    }
  }

  private void checkName(RawRow row, String name) {
    if (name.isEmpty()) {
      error(row, "缺少单位名称");
      return;
    }
    Optional<String> bad = UnitNameRule.problem(name);
    if (bad.isPresent()) {
      error(row, "单位名称“" + UnitNameRule.shown(name) + "”" + bad.get());
      return;
    }
    Integer first = seen.putIfAbsent(name, row.row());
    if (first != null) {
      error(row, "单位“" + name + "”与第" + first + "行重复");
    }
  }

  private Integer count(RawRow row, Column column) {
    String text = Cells.normalized(row.cell(header.column(column)));
    if (text.isEmpty()) {
      error(row, "“" + column.label() + "”未填写");
      return null;
    }
    Cells.CountResult result = Cells.count(text);
    if (!result.ok()) {
      error(row, "“" + column.label() + "”" + result.problem() + "：" + excerpt(text));
      return null;
    }
    return result.value();
  }

  private Category category(RawRow row) {
    String text = Cells.normalized(row.cell(header.column(Column.CATEGORY)));
    if (text.isEmpty()) {
      if (defaultCategory.isEmpty()) {
        error(row, "未填写类别（县直单位或乡镇）");
      }
      return defaultCategory.orElse(null);
    }
    Optional<Category> parsed = Category.parse(text);
    if (parsed.isEmpty()) {
      error(row, "类别“" + excerpt(text) + "”无法识别，应为县直单位或乡镇");
    }
    return parsed.orElse(null);
  }

  private void checkRatio(RawRow row, UnitStats stats) {
    String text = Cells.normalized(row.cell(header.column(Column.RATIO)));
    if (text.isEmpty()) {
      return;
    }
    Optional<BigDecimal> given = Cells.number(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
    if (given.isEmpty()) {
      warnings.add(new RowProblem(row.row(), "完成比例“" + excerpt(text) + "”不是数字，已忽略"));
    } else if (given.get().setScale(2, RoundingMode.HALF_UP).compareTo(stats.ratio()) != 0) {
      warnings.add(new RowProblem(row.row(), "完成比例填的是" + excerpt(text) + "，按已发布总数÷本年度任务数应为"
          + stats.ratio().toPlainString()));
    }
  }

  private void error(RawRow row, String message) {
    errors.add(new RowProblem(row.row(), message));
  }

  private static String excerpt(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
