package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws one command from a sender's budget in Redis (shared by every instance): answer it, tell the sender once that
 * they are too fast, or stay silent. When Redis cannot be reached the command is answered: the store being down is
 * reported by the command itself.
 */
final class SenderBudget {
  private static final Logger log = LoggerFactory.getLogger(SenderBudget.class);

  /** What to do with one inbound command. */
  enum Verdict { ANSWER, NOTICE, SILENT }

  private final RateLimitStore rates;
  private final SenderLimits limits;
  private final Clock clock;

  SenderBudget(RateLimitStore rates, SenderLimits limits, Clock clock) {
    this.rates = limits.perSender().isEmpty() ? rates : Objects.requireNonNull(rates, "rates");
    this.limits = limits;
    this.clock = clock;
  }

  Future<Verdict> admit(InboundMessage message) {
    if (limits.perSender().isEmpty()) {
      return Future.succeededFuture(Verdict.ANSWER);
    }
    String key = key(message);
    long now = clock.millis();
    return rates.reserve(key, limits.perSender(), now)
        .compose(wait -> wait == 0 ? Future.succeededFuture(Verdict.ANSWER) : overBudget(message, key, now))
        .recover(e -> {
          log.warn("sender budget unavailable for {} message {}: {}", message.platform(), message.messageId(),
              e.getMessage());
          return Future.succeededFuture(Verdict.ANSWER);
        });
  }

  private Future<Verdict> overBudget(InboundMessage message, String key, long now) {
    return rates.reserve("notice:" + key, List.of(new Limit(limits.noticeEvery(), 1)), now).map(wait -> {
      log.info("{} message {} over its sender's budget; {}", message.platform(), message.messageId(),
          wait == 0 ? "telling the sender once" : "not answered");
      return wait == 0 ? Verdict.NOTICE : Verdict.SILENT;
    });
  }

  /** One budget per platform user; a message without a sender id draws on its conversation's budget. */
  private static String key(InboundMessage m) {
    return m.senderId().isEmpty() ? "conversation:" + m.platform() + ":" + m.conversationId()
        : "sender:" + m.platform() + ":" + m.senderId();
  }
}
