package io.zwgk.bot.store;

import java.time.YearMonth;

/** Every Redis key and channel the service uses, built in one place under the prefix {@code zwgk:}. */
public final class Keys {
  public static final String PREFIX = "zwgk:";
  /** Hash: unit name → JSON {@code {"category": …}} of units known from imports. */
  public static final String UNITS = PREFIX + "units";
  /** Sorted set: {@code YYYY-MM} periods that have statistics, scored {@code yyyymm}. */
  public static final String PERIODS = PREFIX + "periods";
  /** Pub/sub channel: a period whose statistics changed, so every instance drops its cached copy. */
  public static final String STATS_CHANGED = PREFIX + "events:stats";
  /** Hash: a monitor finding's natural key → JSON evidence (page, masked excerpt, first and last seen). */
  public static final String MONITOR_EVIDENCE = PREFIX + "monitor:evidence";
  /**
   * String with TTL: the id of the monitor run in progress, so two instances never crawl at once (scheduled or on
   * demand; the monitor's schedule has its own lock).
   */
  public static final String MONITOR_LOCK = PREFIX + "monitor:lock";

  private Keys() {
  }

  /** Hash: unit name → JSON {@code {"category","task","total","month"}} for one month. */
  public static String stats(YearMonth period) {
    return STATS + period;
  }

  /** The stats key of a month without the month, for scripts that visit every month. */
  public static final String STATS = PREFIX + "stats:";

  /** Sorted set with TTL: the sends of one budget (a robot's lane, a sender), scored by the time they count from. */
  public static String rate(String budget) {
    return PREFIX + "rate:" + budget;
  }

  /** String with TTL: the sender of this budget was told it is over it. */
  public static String rateNotice(String budget) {
    return PREFIX + "rate:notice:" + budget;
  }

  /** String with TTL: an inbound message already claimed. */
  public static String dedupe(String platform, String messageId) {
    return PREFIX + "dedupe:" + platform + ":" + messageId;
  }

  /**
   * String with TTL: a callback signature already used (DingTalk: the {@code timestamp} and {@code sign} header pair
   * of one robot), kept until the signature can no longer pass the platform's time window.
   */
  public static String usedSignature(String platform, String robot, String signature) {
    return PREFIX + "sig:" + platform + ":" + robot + ":" + signature;
  }

  /** Hash: job name → epoch ms of the slot it last handled, for one group of scheduled jobs. */
  public static String scheduleLast(String group) {
    return PREFIX + group + ":last";
  }

  /** String with TTL: the token of the instance that runs one group of scheduled jobs. */
  public static String scheduleLock(String group) {
    return PREFIX + group + ":lock";
  }

  /** Hash: platform user id → bound unit name. */
  public static String bindings(String platform) {
    return PREFIX + "bind:" + platform;
  }

  /** The key of a unit's set of bound platform user ids without the unit: {@link #bindings} read backwards. */
  public static String boundUsers(String platform) {
    return bindings(platform) + ":unit:";
  }

  /** String: the platform's per-unit sets hold every binding of its hash (built once, then kept by bind/unbind). */
  public static String boundUsersIndexed(String platform) {
    return bindings(platform) + ":indexed";
  }

  /** String with TTL: a file sent to the robot, read and previewed, waiting for its sender's {@code 确认导入}. */
  public static String pendingImport(String platform, String userId) {
    return PREFIX + "import:pending:" + platform + ":" + userId;
  }
}
