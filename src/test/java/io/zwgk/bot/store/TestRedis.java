package io.zwgk.bot.store;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;

/** Direct, blocking access to the suite's Redis for test set-up and assertions (never used by main code). */
public final class TestRedis {
  private TestRedis() {
  }

  public static void flush() {
    run(c -> {
      c.sync().flushdb();
      return null;
    });
  }

  /** Deletes one key (e.g. a lock a test wants released at once). */
  public static void flushKey(String key) {
    run(c -> c.sync().del(key));
  }

  /** Keys matching a glob, e.g. {@code zwgk:dedupe:*}. */
  public static List<String> keys(String pattern) {
    return run(c -> c.sync().keys(pattern));
  }

  /** The remaining time to live of {@code key} in milliseconds ({@code PTTL}: -2 missing, -1 no TTL). */
  public static long pttl(String key) {
    return run(c -> c.sync().pttl(key));
  }

  /** A sorted set with its scores, for assertions. */
  public static java.util.List<String> zrangeWithScores(String key) {
    return run(c -> c.sync().zrangeWithScores(key, 0, -1).stream().map(v -> v.getValue() + "=" + (long) v.getScore())
        .toList());
  }

  /** Adds a member to a sorted set directly, e.g. to plant data the service itself would never write. */
  public static void zadd(String key, double score, String member) {
    run(c -> c.sync().zadd(key, score, member));
  }

  /** Sets a hash field directly. */
  public static void hset(String key, String field, String value) {
    run(c -> c.sync().hset(key, field, value));
  }

  /** Forgets every Lua script Redis has loaded, as a Redis restart does. */
  public static void flushScripts() {
    run(c -> c.sync().scriptFlush());
  }

  /** The SHA-1 under which Redis itself loads {@code source} ({@code SCRIPT LOAD}). */
  public static String scriptLoad(String source) {
    return run(c -> c.sync().scriptLoad(source));
  }

  /** Clears Redis's per-command statistics ({@code CONFIG RESETSTAT}). */
  public static void resetStats() {
    run(c -> c.sync().configResetstat());
  }

  /** How often {@code command} (e.g. {@code eval}) ran since the last {@link #resetStats()}. */
  public static long calls(String command) {
    String stats = run(c -> c.sync().info("commandstats"));
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static <T> T run(java.util.function.Function<StatefulRedisConnection<String, String>, T> body) {
    RedisClient client = RedisClient.create(RedisServerExtension.uri());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return body.apply(c);
    } finally {
      client.shutdown();
    }
  }
}
