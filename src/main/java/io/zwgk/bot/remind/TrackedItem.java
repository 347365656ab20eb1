package io.zwgk.bot.remind;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a unit must do by a date, tracked until it is done. Every item has a short numeric id (编号), unique across
 * all kinds, that officers type in commands ({@code 整改 12 …}, {@code 暂停提醒 12 3}).
 */
public sealed interface TrackedItem {
  String id();

  String unit();

  TrackedKind kind();

  /** The natural key an import matches on, so re-importing keeps ids (e.g. unit + column name). */
  String naturalKey();

  /** {@code cases} applied to this item's own kind: a new kind does not compile until every caller handles it. */
  <R> R match(Cases<R> cases);

  /** One answer per kind of item, for {@link #match}. */
  interface Cases<R> {
    R column(Column c);

    R account(Account a);

    R task(Task t);

    R openDay(OpenDay o);

    R policy(Policy p);

    R letter(Letter l);

    R finding(Finding f);
  }

  /** 网站栏目: last update date; stale once the column class's threshold has passed. */
  record Column(String id, String unit, String column, String url, String columnClass, LocalDate lastUpdate)
      implements TrackedItem {
    @Override
    public <R> R match(Cases<R> cases) {
      return cases.column(this);
    }

    public Column {
      Objects.requireNonNull(lastUpdate, "lastUpdate");
    }

    public TrackedKind kind() {
      return TrackedKind.COLUMNS;
    }

    public String naturalKey() {
      return unit + "|" + column;
    }
  }

  /** 政务新媒体 account: last post date; an account to close (注销) is chased until the unit proves it closed. */
  record Account(String id, String unit, String account, LocalDate lastPost, boolean closing, boolean closed)
      implements TrackedItem {
    @Override
    public <R> R match(Cases<R> cases) {
      return cases.account(this);
    }

    public TrackedKind kind() {
      return TrackedKind.ACCOUNTS;
    }

    public String naturalKey() {
      return unit + "|" + account;
    }
  }

  /**
   * One unit's share of a task given to many units (标准目录, 以干代训, 专区操作指南 …).
   *
   * @param deadline the day it is due; null for a task without a deadline (the seed's 专区操作指南)
   * @param doneOn the day the unit reported it done ({@code 完成 <任务>} or the import's 完成日期); null when not known
   * @param assigned the day the office gave the task or prompted for it in the work group (布置日期); null when unknown
   * @param requirement what the office asked for, as the bulletin words it (要求, e.g. 政务公开标准目录内容); empty when
   *     not given
   */
  record Task(String id, String unit, String task, LocalDate deadline, boolean done, LocalDate doneOn,
      LocalDate assigned, String requirement) implements TrackedItem {
    public Task {
      requirement = requirement == null ? "" : requirement;
    }

    /** A task whose done day and assignment day are not known. */
    public Task(String id, String unit, String task, LocalDate deadline, boolean done) {
      this(id, unit, task, deadline, done, null, null, "");
    }

    /** A task without a stated requirement. */
    public Task(String id, String unit, String task, LocalDate deadline, boolean done, LocalDate doneOn,
        LocalDate assigned) {
      this(id, unit, task, deadline, done, doneOn, assigned, "");
    }

    /** The same task reported done on {@code day}. */
    public Task doneOn(LocalDate day) {
      return new Task(id, unit, task, deadline, true, day, assigned, requirement);
    }

    @Override
    public <R> R match(Cases<R> cases) {
      return cases.task(this);
    }

    public TrackedKind kind() {
      return TrackedKind.TASKS;
    }

    public String naturalKey() {
      return unit + "|" + task;
    }
  }

  /** 政府开放日: the plan is due before the day, the publicity item after it. */
  record OpenDay(String id, String unit, LocalDate date, boolean planSubmitted, boolean publicized)
      implements TrackedItem {
    @Override
    public <R> R match(Cases<R> cases) {
      return cases.openDay(this);
    }

    public TrackedKind kind() {
      return TrackedKind.OPENDAYS;
    }

    public String naturalKey() {
      return unit + "|" + date;
    }
  }

  /** 政策解读: the interpretation must be published together with the policy. */
  record Policy(String id, String unit, String title, LocalDate published, boolean interpreted) implements TrackedItem {
    @Override
    public <R> R match(Cases<R> cases) {
      return cases.policy(this);
    }

    public TrackedKind kind() {
      return TrackedKind.POLICIES;
    }

    public String naturalKey() {
      return unit + "|" + title;
    }
  }

  /** 依申请公开 letter: answer within 20 working days of receipt, 20 more when extended. */
  record Letter(String id, String unit, String reference, LocalDate received, boolean extended, boolean answered)
      implements TrackedItem {
    @Override
    public <R> R match(Cases<R> cases) {
      return cases.letter(this);
    }

    public TrackedKind kind() {
      return TrackedKind.LETTERS;
    }

    public String naturalKey() {
      return unit + "|" + reference;
    }
  }

  /** A finding (存在问题) awaiting rectification; the office verifies the unit's answer. */
  record Finding(String id, String unit, String category, String text, LocalDate issued, LocalDate deadline,
      FindingState state, Optional<String> answer) implements TrackedItem {
    @Override
    public <R> R match(Cases<R> cases) {
      return cases.finding(this);
    }

    public Finding {
      answer = answer == null ? Optional.empty() : answer;
    }

    public TrackedKind kind() {
      return TrackedKind.FINDINGS;
    }

    public String naturalKey() {
      return unit + "|" + category + "|" + text;
    }
  }

  /** Where a finding stands. */
  enum FindingState {
    /** Waiting for the unit to rectify. */
    OPEN,
    /** The unit answered {@code 整改}; waiting for the office's 复核. */
    SUBMITTED,
    /** The office accepted the rectification. */
    CLOSED,
    /** The office sent it back; the unit must rectify again. */
    RETURNED
  }
}
