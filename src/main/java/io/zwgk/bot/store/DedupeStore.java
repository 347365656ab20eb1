package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.vertx.core.Future;
import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Claims inbound message ids so a redelivered message is answered once, across restarts and instances, and draws the
 * first delivery on its sender's budget in the same Redis call; also claims callback signatures, so a captured
 * signature cannot be replayed with another body. Claims live longer than every platform's redelivery
 * window (Feishu retries for about 7 hours).
 */
public final class DedupeStore {
  static final Duration TTL = Duration.ofHours(24);

  /** KEYS: claim, sender's rate log, sender's notice. ARGV: claim TTL (s), now, member, notice TTL (ms), windows. */
  private static final Script CLAIM = Script.of(RateScripts.RESERVE_FUNCTION + """
      if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then return 0 end
      if reserve(KEYS[2], tonumber(ARGV[2]), ARGV[3], 5) == 0 then return 1 end
      if redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[4]) then return 2 end
      return 3
      """);

  /** What a claim found: a redelivery, or a first delivery within or over its sender's budget. */
  public enum Claim {
    DUPLICATE,
    WITHIN_BUDGET,
    /** Over budget, and the sender has not been told so lately: tell them once. */
    OVER_BUDGET_NOTICE,
    /** Over budget and already told. */
    OVER_BUDGET_SILENT;

    /** Whether this was the first delivery of the message. */
    public boolean first() {
      return this != DUPLICATE;
    }
  }

  /**
   * A sender's budget: each window must hold fewer than its maximum of the sender's messages, and an over-budget
   * sender is told at most once per {@code noticeEvery}.
   *
   * @param key names the sender (or their conversation) among all budgets
   */
  public record Budget(String key, List<Limit> limits, Duration noticeEvery) {
    public Budget {
      limits = List.copyOf(limits);
    }
  }

  private final Redis redis;

  public DedupeStore(Redis redis) {
    this.redis = redis;
  }

  /** True when this call claimed the message first; false when it was already claimed. */
  public Future<Boolean> claim(String platform, String messageId) {
    SetArgs args = SetArgs.Builder.nx().ex(TTL);
    return redis.call(c -> c.set(Keys.dedupe(platform, messageId), "1", args)).map("OK"::equals);
  }

  /**
   * Claims the message and, when it is the first delivery, records it in its sender's budget at {@code nowMs}: one
   * Redis call for both. A message over budget is not recorded (it is not answered).
   */
  public Future<Claim> claim(String platform, String messageId, Budget budget, long nowMs) {
    if (budget.limits().isEmpty()) {
      return claim(platform, messageId).map(first -> first ? Claim.WITHIN_BUDGET : Claim.DUPLICATE);
    }
    String[] keys = {Keys.dedupe(platform, messageId), Keys.rate(budget.key()), Keys.rateNotice(budget.key())};
    List<String> args = new ArrayList<>(List.of(String.valueOf(TTL.toSeconds()), String.valueOf(nowMs),
        platform + ":" + messageId, String.valueOf(budget.noticeEvery().toMillis())));
    budget.limits().forEach(l -> {
      args.add(String.valueOf(l.window().toMillis()));
      args.add(String.valueOf(l.max()));
    });
    return redis.<Long>eval(CLAIM, ScriptOutputType.INTEGER, keys, args.toArray(String[]::new))
        .map(n -> Claim.values()[n.intValue()]);
  }

  /**
   * Claims one use of a callback signature of {@code robot} for {@code ttl} (until it can no longer pass the
   * platform's time window): true the first time, false for every later use within {@code ttl}.
   *
   * @param signature what identifies the signed request (DingTalk: {@code timestamp:sign}), at most a few hundred
   *     characters, verified before it gets here
   */
  public Future<Boolean> claimSignature(String platform, String robot, String signature, Duration ttl) {
    SetArgs args = SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis()));
    return redis.call(c -> c.set(Keys.usedSignature(platform, robot, signature), "1", args)).map("OK"::equals);
  }

  /** Gives a claim back, so a redelivery of a message whose processing failed is handled. */
  public Future<Void> release(String platform, String messageId) {
    return redis.call(c -> c.del(Keys.dedupe(platform, messageId))).mapEmpty();
  }
}
