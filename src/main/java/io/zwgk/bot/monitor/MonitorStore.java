package io.zwgk.bot.monitor;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.Script;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site monitor's own data: the evidence of its findings in the hash {@code zwgk:monitor:evidence} (natural key →
 * JSON) and the run lock {@code zwgk:monitor:lock} ({@code SET NX PX} with the run's id; renewed and released only by
 * its holder). Shared connection, no MULTI.
 */
public final class MonitorStore {
  private static final Logger log = LoggerFactory.getLogger(MonitorStore.class);
  private static final Script RENEW = Script.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
      return 0
      """);
  private static final Script RELEASE = Script.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """);

  private final Redis redis;

  public MonitorStore(Redis redis) {
    this.redis = redis;
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

  /** Takes the run lock for {@code owner} unless someone holds it; true when taken. */
  public Future<Boolean> lock(String owner, Duration ttl) {
    return redis.call(c -> c.set(Keys.MONITOR_LOCK, owner, SetArgs.Builder.nx().px(ttl.toMillis())))
        .map("OK"::equals);
  }

  /** Extends the lock while {@code owner} still holds it; false when it no longer does. */
  public Future<Boolean> renew(String owner, Duration ttl) {
    return redis.<Long>eval(RENEW, ScriptOutputType.INTEGER, new String[] {Keys.MONITOR_LOCK}, owner,
        String.valueOf(ttl.toMillis())).map(r -> r == 1);
  }

  /** Releases the lock if {@code owner} holds it. */
  public Future<Void> unlock(String owner) {
    return redis.<Long>eval(RELEASE, ScriptOutputType.INTEGER, new String[] {Keys.MONITOR_LOCK}, owner)
        .mapEmpty();
  }
}
