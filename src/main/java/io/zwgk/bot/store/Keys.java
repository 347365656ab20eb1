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
  /** String with TTL: the id of the monitor run in progress, so two instances never crawl at once. */
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

  /** Hash: platform user id → bound unit name. */
  public static String bindings(String platform) {
    return PREFIX + "bind:" + platform;
  }

  /** String with TTL: a file sent to the robot, read and previewed, waiting for its sender's {@code 确认导入}. */
  public static String pendingImport(String platform, String userId) {
    return PREFIX + "import:pending:" + platform + ":" + userId;
  }
}
