package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.zwgk.bot.ops.SafeText;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.DedupeStore.Budget;
import io.zwgk.bot.store.DedupeStore.Claim;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims an inbound message and draws it on its sender's budget (shared by every instance), in one Redis call. When
 * Redis cannot be reached the message is treated as new and within budget: answering a redelivery twice beats leaving
 * a user without an answer, and the store being down is reported by the command itself.
 */
final class InboundClaims {
  private static final Logger log = LoggerFactory.getLogger(InboundClaims.class);

  private final DedupeStore dedupe;
  private final SenderLimits limits;
  private final Clock clock;

  InboundClaims(DedupeStore dedupe, SenderLimits limits, Clock clock) {
    this.dedupe = dedupe;
    this.limits = limits;
    this.clock = clock;
  }

  Future<Claim> claim(InboundMessage message) {
    Budget budget = new Budget(key(message), limits.perSender(), limits.noticeEvery());
    return dedupe.claim(message.platform(), message.messageId(), budget, clock.millis())
        .onSuccess(claim -> {
          if (claim == Claim.OVER_BUDGET_NOTICE || claim == Claim.OVER_BUDGET_SILENT) {
            log.info("{} message {} over its sender's budget; {}", message.platform(), message.messageId(),
                claim == Claim.OVER_BUDGET_NOTICE ? "telling the sender once" : "not answered");
          }
        })
        .recover(e -> {
          log.warn("message claim unavailable for {} message {}: {}", message.platform(), message.messageId(),
              SafeText.of(e));
          return Future.succeededFuture(Claim.WITHIN_BUDGET);
        });
  }

  /** One budget per platform user; a message without a sender id draws on its conversation's budget. */
  private static String key(InboundMessage m) {
    return m.senderId().isEmpty() ? "conversation:" + m.platform() + ":" + m.conversationId()
        : "sender:" + m.platform() + ":" + m.senderId();
  }
}
