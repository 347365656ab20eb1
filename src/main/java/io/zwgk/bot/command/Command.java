package io.zwgk.bot.command;

import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.Category;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/** A chat command as typed after the robot mention, already parsed; {@link CommandParser} builds it. */
public sealed interface Command {

  /** A question about one month's statistics; {@link MonthQuery#LATEST} unless the text named a month. */
  sealed interface StatsQuestion extends Command {
    MonthQuery month();
  }

  /**
   * {@code 完成率 [单位] [月份]}, {@code 我的完成率}: one unit's completion figures.
   *
   * @param unitQuery the unit as typed, empty when the sender's bound unit is meant
   * @param mine true exactly when no unit was named, so the sender's bound unit is meant
   * @param month the month asked about
   */
  record Completion(Optional<String> unitQuery, boolean mine, MonthQuery month) implements StatsQuestion {
    public Completion {
      Objects.requireNonNull(unitQuery, "unitQuery");
      Objects.requireNonNull(month, "month");
      if (unitQuery.isPresent() && unitQuery.get().isBlank()) {
        throw new IllegalArgumentException("unit query is blank");
      }
      if (mine == unitQuery.isPresent()) {
        throw new IllegalArgumentException("mine must be true exactly when no unit is named");
      }
    }

    /** A completion query for a named unit, latest month. */
    public static Completion of(String unitQuery) {
      return new Completion(Optional.of(unitQuery), false, MonthQuery.LATEST);
    }

    /** A completion query for the sender's bound unit, latest month. */
    public static Completion ofMine() {
      return new Completion(Optional.empty(), true, MonthQuery.LATEST);
    }

    /** The same question about {@code other}. */
    public Completion in(MonthQuery other) {
      return new Completion(unitQuery, mine, other);
    }
  }

  /**
   * {@code 排名 [县直单位|乡镇] [月份]}: the ranking of one category, or of both when empty.
   *
   * @param category the category asked for, empty for both
   * @param month the month asked about
   */
  record Ranking(Optional<Category> category, MonthQuery month) implements StatsQuestion {
    public Ranking {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(month, "month");
    }

    /** The ranking of the latest month. */
    public Ranking(Optional<Category> category) {
      this(category, MonthQuery.LATEST);
    }
  }

  /** {@code 末五位 [月份]}: the five county departments with the lowest ratio. */
  record BottomFive(MonthQuery month) implements StatsQuestion {
    public BottomFive {
      Objects.requireNonNull(month, "month");
    }

    /** The bottom five of the latest month. */
    public BottomFive() {
      this(MonthQuery.LATEST);
    }
  }

  /** {@code 概况 [月份]}: the bulletin's 信息发布情况 paragraph. */
  record Overview(MonthQuery month) implements StatsQuestion {
    public Overview {
      Objects.requireNonNull(month, "month");
    }

    /** The overview of the latest month. */
    public Overview() {
      this(MonthQuery.LATEST);
    }
  }

  /**
   * {@code 绑定 <单位>}: bind the sender to a unit.
   *
   * @param unitQuery the unit as typed, not blank
   */
  record Bind(String unitQuery) implements Command {
    public Bind {
      Objects.requireNonNull(unitQuery, "unitQuery");
      if (unitQuery.isBlank()) {
        throw new IllegalArgumentException("unit query is blank");
      }
    }
  }

  /** {@code 解绑}: remove the sender's binding. */
  record Unbind() implements Command {}

  /**
   * {@code 工作日 <日期> <N>}: the N-th working day after a start date, e.g. {@code 工作日 2024-04-30 5}.
   *
   * @param start the start date, itself not counted; years {@value WorkCalendar#MIN_QUERY_YEAR} to
   *     {@value WorkCalendar#MAX_QUERY_YEAR}
   * @param n working days, 1 to {@value WorkCalendar#MAX_QUERY_DAYS}
   */
  record Workdays(LocalDate start, int n) implements Command {
    public Workdays {
      Objects.requireNonNull(start, "start");
      if (start.getYear() < WorkCalendar.MIN_QUERY_YEAR || start.getYear() > WorkCalendar.MAX_QUERY_YEAR) {
        throw new IllegalArgumentException("start year out of range: " + start);
      }
      if (n < 1 || n > WorkCalendar.MAX_QUERY_DAYS) {
        throw new IllegalArgumentException("n out of range: " + n);
      }
    }
  }

  /**
   * {@code 工作日} with missing or unusable arguments, answered with the reason and the command's format.
   *
   * @param problem what is wrong
   * @param arguments the arguments as typed (normalised), empty when there were none
   */
  record WorkdaysUsage(WorkdaysProblem problem, String arguments) implements Command {
    public WorkdaysUsage {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(arguments, "arguments");
    }
  }

  /** Why a {@code 工作日} command cannot be answered. */
  enum WorkdaysProblem {
    /** Neither a date nor a number. */
    MISSING_ARGUMENTS,
    /** A date but no number of working days. */
    MISSING_COUNT,
    /** Not a date followed by a number. */
    UNREADABLE,
    /** Looks like a date but the day does not exist, e.g. 2024-02-30. */
    NO_SUCH_DATE,
    /** The year is outside the accepted range. */
    YEAR_OUT_OF_RANGE,
    /** The number of working days is outside 1 to the maximum. */
    COUNT_OUT_OF_RANGE
  }

  /**
   * {@code 检查 <单位>}: scan one unit's web pages now and answer what was found (office staff only).
   *
   * @param unitQuery the unit as typed, not blank
   */
  record Check(String unitQuery) implements Command {
    public Check {
      Objects.requireNonNull(unitQuery, "unitQuery");
      if (unitQuery.isBlank()) {
        throw new IllegalArgumentException("unit query is blank");
      }
    }
  }

  /** {@code 检查} without a unit, answered with the command's format. */
  record CheckUsage() implements Command {}

  /** {@code 确认导入}: import the file the sender sent last (office staff). */
  record ImportConfirm() implements Command {}

  /** {@code 取消}: drop the file the sender sent last without importing it (office staff). */
  record ImportCancel() implements Command {}

  /**
   * A {@code 月报 …} command. All of them are for 政务公开办 staff only (they send, change or show the unpublished
   * draft); everyone else gets {@link Replies#officeOnly()}. A command without a month means the default month: the
   * previous month on days 1–10, else the current month ({@code BulletinService.defaultPeriod}).
   */
  sealed interface BulletinCommand extends Command {
  }

  /**
   * {@code 月报 预览 [YYYY-MM] [签发日期]}: the draft to the office groups, with what it lacks.
   *
   * @param period the month, empty for the default month
   * @param issueDay the issue date typed after it, empty for today
   */
  record BulletinPreview(Optional<YearMonth> period, Optional<IssueDay> issueDay) implements BulletinCommand {
    public BulletinPreview {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(issueDay, "issueDay");
    }

    /** A preview issued today. */
    public BulletinPreview(Optional<YearMonth> period) {
      this(period, Optional.empty());
    }
  }

  /**
   * {@code 月报 发布 [YYYY-MM] [签发日期]}: publish once to every broadcast group.
   *
   * @param period the month, empty for the default month
   * @param issueDay the issue date typed after it, empty for today
   */
  record BulletinPublish(Optional<YearMonth> period, Optional<IssueDay> issueDay) implements BulletinCommand {
    public BulletinPublish {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(issueDay, "issueDay");
    }

    /** A publication issued today. */
    public BulletinPublish(Optional<YearMonth> period) {
      this(period, Optional.empty());
    }
  }

  /**
   * {@code 月报 期号 [YYYY-MM] <N>}: the 期号 the month's bulletin is to have (第N期).
   *
   * @param period the month, empty for the default month
   * @param number as typed, at least 0 (the use case accepts 1 to 999)
   */
  record BulletinNumber(Optional<YearMonth> period, int number) implements BulletinCommand {
    public BulletinNumber {
      Objects.requireNonNull(period, "period");
      if (number < 0) {
        throw new IllegalArgumentException("number must not be negative");
      }
    }
  }

  /**
   * {@code 月报 更正 [YYYY-MM] <文字>}: a 更正 of a published month, sent to the groups the bulletin went to.
   *
   * @param period the month, empty for the default month
   * @param text the correction, not blank
   */
  record BulletinCorrect(Optional<YearMonth> period, String text) implements BulletinCommand {
    public BulletinCorrect {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("text must not be blank");
      }
    }
  }

  /** {@code 月报 列表 [YYYY-MM]}: the month's narrative items with their 编号. */
  record BulletinList(Optional<YearMonth> period) implements BulletinCommand {
    public BulletinList {
      Objects.requireNonNull(period, "period");
    }
  }

  /**
   * {@code 月报 添加 [YYYY-MM] <栏目> <文字>}: a narrative item for the month named, else the default month.
   *
   * @param period the month written before the 栏目, empty for the default month
   * @param section the 栏目 ({@code 工作动态}, {@code 存在问题}, or a ● paragraph such as {@code “十县百乡”建设情况})
   * @param text the text
   */
  record BulletinAdd(Optional<YearMonth> period, String section, String text) implements BulletinCommand {
    public BulletinAdd {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(text, "text");
      if (section.isBlank() || text.isBlank()) {
        throw new IllegalArgumentException("section and text must not be blank");
      }
    }

    /** An item for the default month. */
    public BulletinAdd(String section, String text) {
      this(Optional.empty(), section, text);
    }
  }

  /** {@code 月报 删除 <编号>}: remove a narrative item by its id. */
  record BulletinRemove(String id) implements BulletinCommand {
    public BulletinRemove {
      Objects.requireNonNull(id, "id");
      if (!id.matches("[0-9]{1,9}")) {
        throw new IllegalArgumentException("id must be a number: " + id);
      }
    }
  }

  /**
   * {@code 月报 数量 [YYYY-MM] <名称> <N>}: a count entered by hand for the month named, else the default month, e.g.
   * {@code 月报 数量 网络问政 7}.
   *
   * @param period the month written before the name, empty for the default month
   * @param name the count's name as typed ({@code 网络问政}, {@code 依申请公开})
   * @param value at least 0
   */
  record BulletinCount(Optional<YearMonth> period, String name, int value) implements BulletinCommand {
    public BulletinCount {
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(name, "name");
      if (name.isBlank() || value < 0) {
        throw new IllegalArgumentException("count needs a name and a value of at least 0");
      }
    }

    /** A count for the default month. */
    public BulletinCount(String name, int value) {
      this(Optional.empty(), name, value);
    }
  }

  /**
   * {@code 月报} with a missing or unreadable part, answered with the 月报 commands' format.
   *
   * @param arguments what followed {@code 月报}, normalised; empty when nothing did
   */
  record BulletinUsage(String arguments) implements BulletinCommand {
    public BulletinUsage {
      Objects.requireNonNull(arguments, "arguments");
    }
  }

  /** {@code 帮助}: the full command list. */
  record Help() implements Command {}

  /** {@code 待办} / {@code 截止}: the sender's unit's items with something due; {@code 逾期}: only overdue ones. */
  record Todo(boolean overdueOnly) implements Command {}

  /** {@code 问题}: the sender's unit's findings not yet closed. */
  record Findings() implements Command {}

  /** {@code 整改 <编号> <说明>}: a unit reports a finding rectified. */
  record Rectify(String id, String note) implements Command {}

  /** {@code 复核 <编号> 通过|退回 [原因]} (office staff). */
  record Review(String id, boolean pass, String reason) implements Command {}

  /** {@code 完成 <任务>}: the unit's share of a task is done. */
  record Complete(String task) implements Command {}

  /** {@code 栏目 已更新 <栏目>}: the unit updated a website column today. */
  record ColumnUpdated(String column) implements Command {}

  /** {@code 注销 已完成 <账号>}: the unit confirms a 政务新媒体 account marked for closing is closed. */
  record AccountClosed(String account) implements Command {}

  /** {@code 收到}: the unit acknowledges today's reminders. */
  record Ack() implements Command {}

  /** {@code 暂停提醒 <编号> <天数>} (office staff). */
  record Snooze(String id, int days) implements Command {}

  /** A reminder command with missing or bad arguments; {@code usage} says how to write it. */
  record ReminderUsage(String usage) implements Command {}

  /**
   * Anything else, answered with the short help.
   *
   * @param text the normalised text, empty when the message held only the mention
   */
  record Unknown(String text) implements Command {
    public Unknown {
      Objects.requireNonNull(text, "text");
    }
  }
}
