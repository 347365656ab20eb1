package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site monitor's own data: the evidence of its findings in the hash {@code zwgk:monitor:evidence} (natural key →
 * JSON) and the run lock {@code zwgk:monitor:lock} (a {@link RedisLock} holding the run's id). Shared connection, no
 * MULTI.
 */
public final class MonitorStore {
  private static final Logger log = LoggerFactory.getLogger(MonitorStore.class);
  private final Redis redis;
  private final RedisLock lock;

  public MonitorStore(Redis redis) {
    this.redis = redis;
    this.lock = new RedisLock(redis, Keys.MONITOR_LOCK);
  }

  /** All evidence by natural key; an unreadable entry is skipped (and logged). */
  public Future<Map<String, Evidence>> evidence() {
    return redis.call(c -> c.hgetall(Keys.MONITOR_EVIDENCE)).map(hash -> {
      Map<String, Evidence> out = new HashMap<>();
      hash.forEach((key, json) -> {
        try {
          out.put(key, Evidence.fromJson(json));
        } catch (IllegalArgumentException e) {
          log.warn("skipping unreadable monitor evidence: {}", e.getMessage());
        }
      });
      return out;
    });
  }

  /** Stores evidence by natural key, replacing what was there for those keys. */
  public Future<Void> putEvidence(Map<String, Evidence> byKey) {
    if (byKey.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, String> json = new LinkedHashMap<>();
    byKey.forEach((key, e) -> json.put(key, e.toJson().encode()));
    return redis.call(c -> c.hset(Keys.MONITOR_EVIDENCE, json)).mapEmpty();
  }

  /** Takes the run lock for {@code owner} unless someone else holds it; true when taken. */
  public Future<Boolean> lock(String owner, Duration ttl) {
    return lock.acquire(owner, ttl);
  }

  /** Extends the lock while {@code owner} still holds it; false when it no longer does. */
  public Future<Boolean> renew(String owner, Duration ttl) {
    return lock.extend(owner, ttl);
  }

  /** Releases the lock if {@code owner} holds it. */
  public Future<Void> unlock(String owner) {
    return lock.release(owner).mapEmpty();
  }
}
