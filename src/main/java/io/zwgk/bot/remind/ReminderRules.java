package io.zwgk.bot.remind;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When reminders go out and when an item counts as due, from {@code bot-config/reminders.yaml}. Every value has the
 * default of the domain rules (栏目 2 weeks / 6 months / 1 year, 政务新媒体 2 weeks, 依申请公开 20 + 20 working days,
 * 整改 5 working days), so the file only needs what the county changes. The scheduler runs {@link #schedules()} on
 * working days only and skips runs inside {@link #quietHours()}; these rules do not look at the calendar themselves.
 *
 * @param zone the zone cron expressions and quiet hours are read in
 * @param schedules when digests go out; empty = no automatic reminders
 * @param quietHours local times when no run is sent, if any
 * @param dueSoonWorkingDays per kind, how many working days before its due date an item is listed as 即将到期
 * @param columnThresholds per column class (e.g. {@code 动态/要闻类}), how long a column may go without an update
 * @param accountThreshold how long a 政务新媒体 account may go without a post
 * @param letters 依申请公开 answer limits and reminder points
 * @param findingWorkingDays a finding's deadline when the import gives none: working days after its issue date
 * @param openDays 政府开放日 plan and publicity windows
 * @param escalationWorkingDays an item overdue by at least this many working days also goes to the office groups
 */
public record ReminderRules(ZoneId zone, List<Schedule> schedules, Optional<QuietHours> quietHours,
    Map<TrackedKind, Integer> dueSoonWorkingDays, Map<String, Period> columnThresholds, Period accountThreshold,
    Letters letters, int findingWorkingDays, OpenDays openDays, int escalationWorkingDays) {
  /** The file name inside the bot-config directory. */
  public static final String FILE_NAME = "reminders.yaml";
  /** Kinds with a 即将到期 window; letters use reminder points and policies are due on publication. */
  public static final Set<TrackedKind> WINDOW_KINDS = Set.copyOf(EnumSet.of(TrackedKind.COLUMNS, TrackedKind.ACCOUNTS,
      TrackedKind.TASKS, TrackedKind.OPENDAYS, TrackedKind.FINDINGS));
  static final int DEFAULT_DUE_SOON = 3;

  public ReminderRules {
    Objects.requireNonNull(zone, "zone");
    schedules = List.copyOf(schedules);
    quietHours = quietHours == null ? Optional.empty() : quietHours;
    Map<TrackedKind, Integer> windows = new EnumMap<>(TrackedKind.class);
    WINDOW_KINDS.forEach(k -> windows.put(k, DEFAULT_DUE_SOON));
    dueSoonWorkingDays.forEach((kind, days) -> {
      if (!WINDOW_KINDS.contains(kind)) {
        throw new IllegalArgumentException(kind + " has no due-soon window");
      }
      windows.put(kind, days);
    });
    windows.values().forEach(v -> nonNegative(v, "dueSoonWorkingDays"));
    dueSoonWorkingDays = Map.copyOf(windows);
    columnThresholds = Collections.unmodifiableMap(new LinkedHashMap<>(columnThresholds));
    columnThresholds.values().forEach(p -> positive(p, "column threshold"));
    positive(accountThreshold, "accountThreshold");
    Objects.requireNonNull(letters, "letters");
    Objects.requireNonNull(openDays, "openDays");
    atLeast(findingWorkingDays, 1, "findingWorkingDays");
    nonNegative(escalationWorkingDays, "escalationWorkingDays");
  }

  /** The domain defaults, with no schedules. */
  public static ReminderRules defaults() {
    Map<String, Period> columns = new LinkedHashMap<>();
    columns.put("动态/要闻类", Period.ofDays(14));
    columns.put("通知公告/政策文件类", Period.ofMonths(6));
    columns.put("人事/规划计划类", Period.ofYears(1));
    return new ReminderRules(ZoneId.of("Asia/Shanghai"), List.of(), Optional.empty(), Map.of(), columns,
        Period.ofDays(14), new Letters(20, 20, List.of(5, 2, 0)), 5, new OpenDays(5, 5), 2);
  }

  /**
   * Loads {@code reminders.yaml} from {@code configDir}; a missing or empty file gives {@link #defaults()} (no
   * automatic reminders, logged).
   *
   * @throws io.zwgk.bot.config.ConfigException listing every problem as {@code file: field.path: message}
   */
  public static ReminderRules load(Path configDir) {
    return ReminderRulesFile.load(configDir);
  }

  /** The 即将到期 window of {@code kind} in working days (0 for kinds without one). */
  public int dueSoon(TrackedKind kind) {
    return dueSoonWorkingDays.getOrDefault(kind, 0);
  }

  /**
   * The staleness threshold for a column class. Matches the configured name (e.g. {@code 动态/要闻类}) or any part of
   * it between slashes, with or without the trailing 类 ({@code 动态}, {@code 要闻类}, {@code 政策文件}).
   */
  public Optional<Period> columnThreshold(String columnClass) {
    if (columnClass == null) {
      return Optional.empty();
    }
    String wanted = ColumnClasses.bare(columnClass);
    return columnThresholds.entrySet().stream()
        .filter(e -> ColumnClasses.names(e.getKey()).contains(wanted))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** Whether a run at {@code time} falls inside the quiet hours (read in {@link #zone()}). */
  public boolean quiet(ZonedDateTime time) {
    LocalTime local = time.withZoneSameInstant(zone).toLocalTime();
    return quietHours.map(q -> q.contains(local)).orElse(false);
  }

  private static void nonNegative(int value, String what) {
    atLeast(value, 0, what);
  }

  private static void atLeast(int value, int min, String what) {
    if (value < min) {
      throw new IllegalArgumentException(what + " must be at least " + min + ": " + value);
    }
  }

  private static void positive(Period period, String what) {
    Objects.requireNonNull(period, what);
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + period);
    }
  }

  /**
   * A digest run.
   *
   * @param name shown in logs and used for the "already sent" marker
   * @param cron when it runs, in {@link ReminderRules#zone()}
   * @param kinds the kinds it covers
   * @param escalate whether overdue items also go to the office groups in this run
   */
  public record Schedule(String name, CronExpression cron, Set<TrackedKind> kinds, boolean escalate) {
    public Schedule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(cron, "cron");
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("a schedule needs at least one kind");
      }
      kinds = Set.copyOf(kinds);
    }

    public boolean includes(TrackedKind kind) {
      return kinds.contains(kind);
    }
  }

  /** Local times when no run is sent: {@code [from, to)}, wrapping past midnight when {@code to} is earlier. */
  public record QuietHours(LocalTime from, LocalTime to) {
    public QuietHours {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.equals(to)) {
        throw new IllegalArgumentException("quiet hours start and end at the same time");
      }
    }

    public boolean contains(LocalTime time) {
      return from.isBefore(to) ? !time.isBefore(from) && time.isBefore(to)
          : !time.isBefore(from) || time.isBefore(to);
    }
  }

  /**
   * 依申请公开 limits (条例 第三十三条).
   *
   * @param limitWorkingDays the answer is due this many working days after receipt
   * @param extensionWorkingDays added when the extension was approved
   * @param remindAt working days left on which the unit is reminded, e.g. 5, 2, 0
   */
  public record Letters(int limitWorkingDays, int extensionWorkingDays, List<Integer> remindAt) {
    public Letters {
      atLeast(limitWorkingDays, 1, "limitWorkingDays");
      nonNegative(extensionWorkingDays, "extensionWorkingDays");
      remindAt = List.copyOf(remindAt);
      remindAt.forEach(v -> nonNegative(v, "remindAt"));
    }

    /** The answer period in working days. */
    public int limit(boolean extended) {
      return limitWorkingDays + (extended ? extensionWorkingDays : 0);
    }
  }

  /**
   * 政府开放日 windows.
   *
   * @param planWindowWorkingDays the plan is listed as 即将到期 this many working days before its deadline (the last
   *     working day before the open day)
   * @param publicityWorkingDays the publicity item is due this many working days after the open day
   */
  public record OpenDays(int planWindowWorkingDays, int publicityWorkingDays) {
    public OpenDays {
      nonNegative(planWindowWorkingDays, "planWindowWorkingDays");
      atLeast(publicityWorkingDays, 1, "publicityWorkingDays");
    }
  }
}
