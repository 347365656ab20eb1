package io.zwgk.bot.chat;

import io.vertx.core.Future;

/** How one platform answers an inbound message (DingTalk sessionWebhook, Feishu reply API, …). */
public interface ReplyChannel {
  Future<Void> reply(InboundMessage to, OutboundMessage message);
}
