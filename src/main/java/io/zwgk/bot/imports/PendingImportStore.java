package io.zwgk.bot.imports;

import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import java.time.Duration;
import java.util.Optional;

/**
 * The one file per sender waiting for {@code 确认导入}, under {@code zwgk:import:pending:{platform}:{userId}}. Redis
 * drops it a little after the confirmation window; {@link ChatImports} checks the window itself against its clock.
 */
final class PendingImportStore {
  /** Longer than the window, so that the clock, not Redis, decides what has expired. */
  static final Duration KEPT = ChatImports.WINDOW.plusMinutes(5);

  private final Redis redis;

  PendingImportStore(Redis redis) {
    this.redis = redis;
  }

  /** Keeps {@code pending} for the sender, replacing theirs; true when one was replaced. */
  Future<Boolean> put(String platform, String userId, PendingImport pending) {
    return redis.call(c -> c.setGet(Keys.pendingImport(platform, userId), pending.encode(),
        SetArgs.Builder.ex(KEPT.toSeconds()))).map(earlier -> earlier != null);
  }

  /** Takes the sender's pending file away: at most one caller gets it. */
  Future<Optional<PendingImport>> take(String platform, String userId) {
    return redis.call(c -> c.getdel(Keys.pendingImport(platform, userId)))
        .map(json -> Optional.ofNullable(json).map(PendingImport::decode));
  }
}
