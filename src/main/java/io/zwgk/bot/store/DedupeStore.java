package io.zwgk.bot.store;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * Claims inbound message ids so a redelivered message is answered once, across restarts and instances. Claims live
 * longer than every platform's redelivery window (Feishu retries for about 7 hours).
 */
public final class DedupeStore {
  static final Duration TTL = Duration.ofHours(24);

  private final Redis redis;

  public DedupeStore(Redis redis) {
    this.redis = redis;
  }

  /** True when this call claimed the message first; false when it was already claimed. */
  public Future<Boolean> claim(String platform, String messageId) {
    SetArgs args = SetArgs.Builder.nx().ex(TTL);
    return redis.call(c -> c.set(Keys.dedupe(platform, messageId), "1", args)).map("OK"::equals);
  }

  /** Gives a claim back, so a redelivery of a message whose processing failed is handled. */
  public Future<Void> release(String platform, String messageId) {
    return redis.call(c -> c.del(Keys.dedupe(platform, messageId))).mapEmpty();
  }
}
