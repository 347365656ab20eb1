package io.zwgk.bot.remind;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Builds one kind's item from a data row, or null when the row has problems (recorded on the row). */
final class TrackedRowReaders {
  static final int FINDING_WORKING_DAYS = 5;
  private static final String NO_ID = "";

  private final Function<String, Optional<String>> units;
  private final BiFunction<LocalDate, Integer, LocalDate> addWorkingDays;

  TrackedRowReaders(Function<String, Optional<String>> units,
      BiFunction<LocalDate, Integer, LocalDate> addWorkingDays) {
    this.units = units;
    this.addWorkingDays = addWorkingDays;
  }

  TrackedItem read(TrackedKind kind, TrackedRow r) {
    return switch (kind) {
      case COLUMNS -> column(r);
      case ACCOUNTS -> account(r);
      case TASKS -> task(r);
      case OPENDAYS -> openDay(r);
      case POLICIES -> policy(r);
      case LETTERS -> letter(r);
      case FINDINGS -> finding(r);
    };
  }

  private TrackedItem column(TrackedRow r) {
    String unit = r.unit(units);
    String column = r.name("栏目");
    String columnClass = r.columnClass("类别");
    String url = r.url("网址");
    LocalDate lastUpdate = r.date("最后更新日期");
    return r.ok() ? new TrackedItem.Column(NO_ID, unit, column, url, columnClass, lastUpdate) : null;
  }

  private TrackedItem account(TrackedRow r) {
    String unit = r.unit(units);
    String account = r.name("账号");
    LocalDate lastPost = r.date("最后发布日期");
    boolean closing = r.flag("是否注销");
    boolean closed = r.flag("已确认注销");
    if (closed && !closing) {
      r.error("“已确认注销”为是，但“是否注销”不是");
    }
    return r.ok() ? new TrackedItem.Account(NO_ID, unit, account, lastPost, closing, closed) : null;
  }

  private TrackedItem task(TrackedRow r) {
    String task = r.words("任务");
    String unit = r.unit(units);
    LocalDate deadline = r.optionalDate("截止日期").orElse(null);
    Optional<LocalDate> doneOn = r.optionalDate("完成日期");
    boolean done = r.flag("是否完成") || doneOn.isPresent();
    LocalDate assigned = r.optionalDate("布置日期").orElse(null);
    String requirement = TrackedCells.words(r.raw("要求"));
    return r.ok() ? new TrackedItem.Task(NO_ID, unit, task, deadline, done, doneOn.orElse(null), assigned, requirement)
        : null;
  }

  private TrackedItem openDay(TrackedRow r) {
    String unit = r.unit(units);
    LocalDate date = r.date("开放日期");
    boolean planSubmitted = r.flag("方案已报送");
    boolean publicized = r.flag("已发布宣传");
    return r.ok() ? new TrackedItem.OpenDay(NO_ID, unit, date, planSubmitted, publicized) : null;
  }

  private TrackedItem policy(TrackedRow r) {
    String unit = r.unit(units);
    String title = r.words("文件名称");
    LocalDate published = r.date("印发日期");
    boolean interpreted = r.flag("已发布解读");
    return r.ok() ? new TrackedItem.Policy(NO_ID, unit, title, published, interpreted) : null;
  }

  private TrackedItem letter(TrackedRow r) {
    String unit = r.unit(units);
    String reference = r.name("来信编号");
    LocalDate received = r.date("收到日期");
    boolean extended = r.flag("是否延期");
    boolean answered = r.flag("已答复");
    return r.ok() ? new TrackedItem.Letter(NO_ID, unit, reference, received, extended, answered) : null;
  }

  private TrackedItem finding(TrackedRow r) {
    String unit = r.unit(units);
    String category = r.words("类别");
    String text = r.words("问题描述");
    LocalDate issued = r.date("通报日期");
    Optional<LocalDate> given = r.optionalDate("整改期限");
    if (!r.ok()) {
      return null;
    }
    LocalDate deadline = given.orElseGet(() -> addWorkingDays.apply(issued, FINDING_WORKING_DAYS));
    if (deadline.isBefore(issued)) {
      return r.error("“整改期限”" + deadline + "早于通报日期" + issued);
    }
    return new TrackedItem.Finding(NO_ID, unit, category, text, issued, deadline, TrackedItem.FindingState.OPEN,
        Optional.empty());
  }
}
