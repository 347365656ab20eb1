package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Sliding-window send budgets kept in Redis, so every instance draws on one budget per robot: a send is allowed only
 * when each window (e.g. 20 per 60 s; Feishu also 5 per 1 s) holds fewer sends than its maximum over the last window
 * length.
 */
public final class RateLimitStore {
  /** One window: at most {@code max} sends in any {@code window}. */
  public record Limit(Duration window, int max) {
  }

  private final Redis redis;

  public RateLimitStore(Redis redis) {
    this.redis = redis;
  }

  /** Records a send at {@code nowMs} and answers 0 if every window allows it; else answers the wait in ms. */
  public Future<Long> reserve(String key, List<Limit> limits, long nowMs) {
    if (limits.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    List<String> args = new ArrayList<>(List.of(String.valueOf(nowMs), nowMs + "-" + UUID.randomUUID()));
    limits.forEach(l -> {
      args.add(String.valueOf(l.window().toMillis()));
      args.add(String.valueOf(l.max()));
    });
    String[] keys = {Keys.PREFIX + "rate:" + key};
    return redis.call(c -> c.<Long>eval(OutboxScripts.RESERVE, ScriptOutputType.INTEGER, keys,
        args.toArray(String[]::new)));
  }
}
