package io.zwgk.bot.command;

import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.Category;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A chat command as typed after the robot mention, already parsed; {@link CommandParser} builds it. */
public sealed interface Command {

  /**
   * {@code 完成率 [单位]}, {@code 我的完成率}: one unit's completion figures.
   *
   * @param unitQuery the unit as typed, empty when the sender's bound unit is meant
   * @param mine true exactly when no unit was named, so the sender's bound unit is meant
   */
  record Completion(Optional<String> unitQuery, boolean mine) implements Command {
    public Completion {
      Objects.requireNonNull(unitQuery, "unitQuery");
      if (unitQuery.isPresent() && unitQuery.get().isBlank()) {
        throw new IllegalArgumentException("unit query is blank");
      }
      if (mine == unitQuery.isPresent()) {
        throw new IllegalArgumentException("mine must be true exactly when no unit is named");
      }
    }

    /** A completion query for a named unit. */
    public static Completion of(String unitQuery) {
      return new Completion(Optional.of(unitQuery), false);
    }

    /** A completion query for the sender's bound unit. */
    public static Completion ofMine() {
      return new Completion(Optional.empty(), true);
    }
  }

  /**
   * {@code 排名 [县直单位|乡镇]}: the ranking of one category, or of both when empty.
   *
   * @param category the category asked for, empty for both
   */
  record Ranking(Optional<Category> category) implements Command {
    public Ranking {
      Objects.requireNonNull(category, "category");
    }
  }

  /** {@code 末五位}: the five county departments with the lowest ratio. */
  record BottomFive() implements Command {}

  /** {@code 概况}: the bulletin's 信息发布情况 paragraph. */
  record Overview() implements Command {}

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
