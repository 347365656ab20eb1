package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * A lock in one Redis key that holds its owner's token with a TTL ({@code SET NX PX}): only the owner extends or
 * releases it (compared and changed in one Lua script), and it lapses by itself when the owner dies. Shared
 * connection, no MULTI; immutable and thread-safe.
 */
public final class RedisLock {
  private static final Script ACQUIRE = Script.of("""
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
      end
      return 0
      """);
  private static final Script EXTEND = Script.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
      return 0
      """);
  private static final Script RELEASE = Script.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """);

  private final Redis redis;
  private final String key;

  /** The lock in {@code key}, one of {@link Keys}. */
  public RedisLock(Redis redis, String key) {
    this.redis = redis;
    this.key = key;
  }

  /** Takes the lock for {@code token}, or extends it when {@code token} holds it already; true when it holds it. */
  public Future<Boolean> acquire(String token, Duration ttl) {
    return run(ACQUIRE, token, String.valueOf(ttl.toMillis()));
  }

  /** Sets the TTL to {@code ttl} while {@code token} holds the lock; false when it no longer does. */
  public Future<Boolean> extend(String token, Duration ttl) {
    return run(EXTEND, token, String.valueOf(ttl.toMillis()));
  }

  /** Deletes the lock if {@code token} holds it; true when it was released. */
  public Future<Boolean> release(String token) {
    return run(RELEASE, token);
  }

  private Future<Boolean> run(Script script, String... args) {
    return redis.<Long>eval(script, ScriptOutputType.INTEGER, new String[] {key}, args).map(n -> n == 1L);
  }
}
