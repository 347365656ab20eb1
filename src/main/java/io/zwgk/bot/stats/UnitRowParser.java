package io.zwgk.bot.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns data rows, sheet after sheet, into {@link UnitStats}, collecting every row's errors and warnings. Unit names
 * are resolved through {@link ImportUnits}: a configured unit's row is stored under its configured name and must have
 * its configured category. Not thread-safe.
 */
final class UnitRowParser {
  private static final Set<String> TOTAL_ROW_NAMES = Set.of("合计", "总计", "小计", "合计:", "总计:");

  private final ImportUnits units;
  private final Map<String, String> seen = new HashMap<>();
  private final Set<String> newUnits = new LinkedHashSet<>();
  private final List<UnitStats> rows = new ArrayList<>();
  private final List<RowProblem> errors = new ArrayList<>();
  private final List<RowProblem> warnings = new ArrayList<>();
  private TableHeader header;
  private Optional<Category> defaultCategory = Optional.empty();
  private String categorySource = "";
  private String sheet = "";

  UnitRowParser(ImportUnits units) {
    this.units = units;
  }

  /** A parser of one sheet's rows whose names are taken as written. */
  UnitRowParser(TableHeader header, Optional<Category> defaultCategory) {
    this(ImportUnits.anyName());
    sheet(header, defaultCategory, "", "");
  }

  /**
   * Starts a sheet.
   *
   * @param defaultCategory the category of rows without a {@code 类别} value
   * @param categorySource where {@code defaultCategory} comes from, as the errors name it
   * @param sheetName the sheet its problems name, empty when only one sheet is read
   */
  void sheet(TableHeader header, Optional<Category> defaultCategory, String categorySource, String sheetName) {
    this.header = header;
    this.defaultCategory = defaultCategory;
    this.categorySource = categorySource;
    this.sheet = sheetName.isEmpty() ? "" : "工作表“" + sheetName + "”";
  }

  List<String> newUnits() {
    return List.copyOf(newUnits);
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
      warn(row, "“" + name + "”行不是单位，已忽略");
      return;
    }
    int errorsBefore = errors.size();
    Integer task = count(row, Column.TASK);
    Integer total = count(row, Column.TOTAL);
    Integer month = count(row, Column.MONTH);
    if (task != null && task == 0) {
      error(row, "“本年度任务数”不能为0");
    }
    Category category = category(row);
    String unit = checkName(row, name, category);
    if (errors.size() == errorsBefore) {
      UnitStats stats = new UnitStats(unit, category, task, total, month);
      checkRatio(row, stats);
      if (month > total) {
        warn(row, "本月发布条数" + month + "大于已发布总数" + total);
      }
      rows.add(stats);
    }
  }

  /** The name the row is stored under, or null after recording an error. */
  private String checkName(RawRow row, String name, Category category) {
    if (name.isEmpty()) {
      error(row, "缺少单位名称");
      return null;
    }
    Optional<String> bad = UnitNameRule.problem(name);
    if (bad.isPresent()) {
      error(row, "单位名称“" + UnitNameRule.shown(name) + "”" + bad.get());
      return null;
    }
    String unit = resolved(row, name, category);
    if (unit == null) {
      return null;
    }
    String first = seen.putIfAbsent(unit, where(row));
    if (first != null) {
      error(row, "单位“" + unit + "”与" + first + "重复");
      return null;
    }
    return unit;
  }

  private String resolved(RawRow row, String name, Category category) {
    ImportUnits.Lookup found = units.find(name);
    if (found instanceof ImportUnits.Lookup.New n) {
      return n.name();
    }
    if (found instanceof ImportUnits.Lookup.Ambiguous a) {
      error(row, "单位“" + name + "”可能是" + quoted(a.candidates()) + "，请写全称");
      return null;
    }
    if (found instanceof ImportUnits.Lookup.Unknown u) {
      if (units.acceptsNew()) {
        newUnits.add(name);
        return name;
      }
      error(row, "单位“" + name + "”不是已配置的单位" + (u.suggestions().isEmpty() ? ""
          : "，是不是" + quoted(u.suggestions()) + "？") + "（确是新单位时请加 newUnits=accept 或 --accept-new-units）");
      return null;
    }
    Unit unit = ((ImportUnits.Lookup.Known) found).unit();
    if (category != null && unit.category() != category) {
      error(row, "单位“" + unit.name() + "”" + (((ImportUnits.Lookup.Known) found).configured() ? "配置为" : "已登记为")
          + unit.category().label() + "，本行却按" + category.label() + "导入（" + sourceOf(row) + "）");
      return null;
    }
    if (!unit.name().equals(name)) {
      warn(row, "“" + name + "”按单位“" + unit.name() + "”导入");
    }
    return unit.name();
  }

  private String sourceOf(RawRow row) {
    return Cells.normalized(row.cell(header.column(Column.CATEGORY))).isEmpty() ? categorySource : "类别列";
  }

  private String where(RawRow row) {
    return sheet + "第" + row.row() + "行";
  }

  private static String quoted(List<String> names) {
    return String.join("、", names.stream().map(n -> "“" + n + "”").toList());
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
      warn(row, "完成比例“" + excerpt(text) + "”不是数字，已忽略");
    } else if (given.get().setScale(2, RoundingMode.HALF_UP).compareTo(stats.ratio()) != 0) {
      warn(row, "完成比例填的是" + excerpt(text) + "，按已发布总数÷本年度任务数应为" + stats.ratio().toPlainString());
    }
  }

  private void error(RawRow row, String message) {
    errors.add(new RowProblem(row.row(), sheet.isEmpty() ? message : sheet + "，" + message));
  }

  private void warn(RawRow row, String message) {
    warnings.add(new RowProblem(row.row(), sheet.isEmpty() ? message : sheet + "，" + message));
  }

  private static String excerpt(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "…";
  }
}
