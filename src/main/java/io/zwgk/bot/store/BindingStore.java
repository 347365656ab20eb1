package io.zwgk.bot.store;

import io.vertx.core.Future;
import java.util.Optional;

/** Which unit each chat user speaks for, per platform user id, so {@code 我的…} commands know the unit. */
public final class BindingStore {
  private final Redis redis;

  public BindingStore(Redis redis) {
    this.redis = redis;
  }

  public Future<Optional<String>> unitOf(String platform, String userId) {
    return redis.call(c -> c.hget(Keys.bindings(platform), userId)).map(Optional::ofNullable);
  }

  public Future<Void> bind(String platform, String userId, String unit) {
    return redis.call(c -> c.hset(Keys.bindings(platform), userId, unit)).mapEmpty();
  }

  /** True when a binding was removed. */
  public Future<Boolean> unbind(String platform, String userId) {
    return redis.call(c -> c.hdel(Keys.bindings(platform), userId)).map(n -> n > 0);
  }
}
