package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

  /**
   * Records a send as {@code member} (unique per send under this key) at {@code nowMs} and answers 0 if every window
   * allows it; else answers the wait in ms and records nothing. {@link #settle} can move a recorded send later.
   */
  public Future<Long> reserve(String key, String member, List<Limit> limits, long nowMs) {
    if (limits.isEmpty()) {
      return Future.succeededFuture(0L);
    }
    List<String> args = new ArrayList<>(List.of(String.valueOf(nowMs), member));
    limits.forEach(l -> {
      args.add(String.valueOf(l.window().toMillis()));
      args.add(String.valueOf(l.max()));
    });
    return redis.<Long>eval(RateScripts.RESERVE, ScriptOutputType.INTEGER, keys(key), args.toArray(String[]::new));
  }

  /**
   * Moves the recorded send {@code member} to {@code answeredAtMs}, when the platform's answer arrived. The platform
   * counted the send at some moment between reservation and answer; counting it from the answer keeps the next send
   * a full window behind it however long this request took, and however quickly the next one travels. Does nothing
   * when the send is no longer recorded.
   */
  public Future<Void> settle(String key, String member, List<Limit> limits, long answeredAtMs) {
    if (limits.isEmpty()) {
      return Future.succeededFuture();
    }
    long longest = limits.stream().mapToLong(l -> l.window().toMillis()).max().orElseThrow();
    return redis.<Long>eval(RateScripts.SETTLE, ScriptOutputType.INTEGER, keys(key), member,
        String.valueOf(answeredAtMs), String.valueOf(longest)).mapEmpty();
  }

  private static String[] keys(String key) {
    return new String[] {Keys.rate(key)};
  }
}
