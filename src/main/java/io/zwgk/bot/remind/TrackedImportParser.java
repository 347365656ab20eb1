package io.zwgk.bot.remind;

import io.zwgk.bot.stats.ImportRejectedException;
import io.zwgk.bot.stats.RowProblem;
import io.zwgk.bot.stats.Sheet;
import io.zwgk.bot.stats.Spreadsheets;
import io.zwgk.bot.stats.TableFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Parses an uploaded table (CSV in UTF-8 or GB18030, or XLSX, first sheet) of one {@link TrackedKind} into items
 * without ids. The header row may sit below a few title rows; column order is free; other columns are ignored with
 * a warning; a header may carry a {@code *} or a remark in parentheses ({@code 整改期限（选填）}).
 *
 * <table>
 *   <caption>Columns per kind (必填 = the column and its cells are required)</caption>
 *   <tr><th>kind (path)</th><th>必填列</th><th>选填列</th><th>同一项的判断</th></tr>
 *   <tr><td>columns 网站栏目</td><td>单位名称, 栏目, 类别, 最后更新日期</td><td>网址</td><td>单位+栏目</td></tr>
 *   <tr><td>accounts 政务新媒体</td><td>单位名称, 账号, 最后发布日期</td><td>是否注销, 已确认注销</td><td>单位+账号</td></tr>
 *   <tr><td>tasks 工作任务</td><td>任务, 单位名称</td><td>截止日期, 是否完成, 完成日期, 布置日期, 要求</td><td>任务+单位</td></tr>
 *   <tr><td>opendays 政府开放日</td><td>单位名称, 开放日期</td><td>方案已报送, 已发布宣传</td><td>单位+开放日期</td></tr>
 *   <tr><td>policies 政策解读</td><td>单位名称, 文件名称, 印发日期</td><td>已发布解读</td><td>单位+文件名称</td></tr>
 *   <tr><td>letters 依申请公开</td><td>单位名称, 来信编号, 收到日期</td><td>是否延期, 已答复</td><td>单位+来信编号</td></tr>
 *   <tr><td>findings 整改问题</td><td>单位名称, 类别, 问题描述, 通报日期</td><td>整改期限（空 = 通报日期后第5个工作日）</td>
 *       <td>单位+类别+问题描述</td></tr>
 * </table>
 *
 * <p>Cells: 单位名称 must resolve to a configured unit (stored under its full name). Dates: {@code 2024-04-29},
 * {@code 2024/4/29}, {@code 2024.4.29}, {@code 2024年4月29日} or an Excel date cell. 是/否 columns: 是 or 否
 * (also √/×, Y/N, TRUE/FALSE, 1/0); empty = 否. 栏目 类别: 动态/要闻类, 通知公告/政策文件类, 人事/规划计划类, or 动态, 要闻,
 * 通知公告, 政策文件, 人事, 规划计划. 网址: http(s) only. Two rows for the same item are an error.
 *
 * <p>Pure and thread-safe (given thread-safe functions); a large file takes a few hundred milliseconds, so call it off
 * the event loop.
 */
public final class TrackedImportParser {
  static final int MAX_LISTED_PROBLEMS = 100;
  private static final Set<String> TOTAL_ROW_NAMES = Set.of("合计", "总计", "小计", "合计:", "总计:");

  private final TrackedRowReaders readers;

  /**
   * @param units resolves a unit name as typed to the configured full name, empty when no unit matches
   * @param addWorkingDays the working-day calendar ({@code WorkCalendar::addWorkingDays}), for default 整改期限
   */
  public TrackedImportParser(Function<String, Optional<String>> units,
      BiFunction<LocalDate, Integer, LocalDate> addWorkingDays) {
    this.readers = new TrackedRowReaders(units, addWorkingDays);
  }

  /** Parses a body of the given HTTP content type ({@code text/csv} or the xlsx type). */
  public TrackedImportPlan parse(TrackedKind kind, byte[] body, String contentType) {
    Optional<TableFormat> format = TableFormat.fromContentType(contentType);
    if (format.isEmpty()) {
      return TrackedImportPlan.failed(kind, List.of(new RowProblem(0, "不支持的文件类型，请上传CSV（text/csv）或xlsx文件")));
    }
    return parse(kind, body, format.get());
  }

  /** Parses a body already known to be CSV or XLSX. */
  public TrackedImportPlan parse(TrackedKind kind, byte[] body, TableFormat format) {
    try {
      Sheet sheet = Spreadsheets.read(body, format, Set.of(TrackedLayout.UNIT));
      List<RowProblem> warnings = new ArrayList<>();
      Map<String, Integer> positions = positions(kind, sheet, warnings);
      return parseRows(kind, sheet, positions, warnings);
    } catch (ImportRejectedException e) {
      return TrackedImportPlan.failed(kind, e.errors());
    }
  }

  /**
   * The kind whose required columns the table's header names (the one naming most of its columns when several do),
   * or empty when none does or the file cannot be read.
   */
  public static Optional<TrackedKind> recognise(byte[] body, TableFormat format) {
    List<String> header;
    try {
      header = Spreadsheets.read(body, format, Set.of(TrackedLayout.UNIT)).header();
    } catch (ImportRejectedException e) {
      return Optional.empty();
    }
    Optional<TrackedKind> best = Optional.empty();
    long most = 0;
    for (TrackedKind kind : TrackedKind.values()) {
      Set<String> named = new HashSet<>();
      header.forEach(h -> TrackedLayout.field(kind, h).ifPresent(f -> named.add(f.name())));
      boolean complete = TrackedLayout.fields(kind).stream().allMatch(f -> !f.required() || named.contains(f.name()));
      if (complete && named.size() > most) {
        best = Optional.of(kind);
        most = named.size();
      }
    }
    return best;
  }

  private static Map<String, Integer> positions(TrackedKind kind, Sheet sheet, List<RowProblem> warnings) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < sheet.header().size(); i++) {
      String header = sheet.header().get(i);
      Optional<TrackedLayout.Field> field = TrackedLayout.field(kind, header);
      if (field.isPresent() && positions.putIfAbsent(field.get().name(), i) != null) {
        throw rejected(sheet.headerRow(), "表头中“" + field.get().name() + "”列出现了两次");
      }
      if (field.isEmpty() && !header.isEmpty()) {
        warnings.add(new RowProblem(sheet.headerRow(), "表头“" + TrackedCells.excerpt(header) + "”列不认识，已忽略"));
      }
    }
    List<String> missing = TrackedLayout.fields(kind).stream()
        .filter(f -> f.required() && !positions.containsKey(f.name()))
        .map(f -> "“" + f.name() + "”")
        .toList();
    if (!missing.isEmpty()) {
      throw rejected(sheet.headerRow(), "表头缺少" + String.join("、", missing) + "列（" + kind.label() + "表应有："
          + String.join(",", TrackedLayout.fields(kind).stream().map(TrackedLayout.Field::name).toList()) + "）");
    }
    return positions;
  }

  private TrackedImportPlan parseRows(TrackedKind kind, Sheet sheet, Map<String, Integer> positions,
      List<RowProblem> warnings) {
    List<RowProblem> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, TrackedItem> items = new LinkedHashMap<>();
    for (Sheet.Row row : sheet.rows()) {
      TrackedRow r = new TrackedRow(row, positions, errors, warnings);
      String unitCell = TrackedCells.compact(r.raw(TrackedLayout.UNIT));
      if (TOTAL_ROW_NAMES.contains(unitCell)) {
        warnings.add(new RowProblem(row.row(), "“" + unitCell + "”行不是单位，已忽略"));
        continue;
      }
      TrackedItem item = readers.read(kind, r);
      if (item == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(item.naturalKey(), row.row());
      if (first != null) {
        r.error("与第" + first + "行的" + TrackedLayout.keyDescription(kind) + "相同，同一项只能有一行");
      } else {
        items.put(item.naturalKey(), item);
      }
    }
    List<TrackedItem> accepted = errors.isEmpty() ? List.copyOf(items.values()) : List.of();
    return new TrackedImportPlan(kind, accepted, listed(errors, "错误"), listed(warnings, "提醒"));
  }

  private static List<RowProblem> listed(List<RowProblem> problems, String what) {
    if (problems.size() <= MAX_LISTED_PROBLEMS) {
      return problems;
    }
    List<RowProblem> shown = new ArrayList<>(problems.subList(0, MAX_LISTED_PROBLEMS));
    shown.add(new RowProblem(0, "另有" + (problems.size() - MAX_LISTED_PROBLEMS) + "处" + what + "未列出"));
    return shown;
  }

  private static ImportRejectedException rejected(int row, String message) {
    return new ImportRejectedException(List.of(new RowProblem(row, message)));
  }
}
