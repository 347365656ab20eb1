package io.zwgk.bot.chat;

import java.time.Instant;
import java.util.Map;

/**
 * Where and how to answer one inbound message. Only the adapter of the same platform interprets it.
 *
 * @param url the reply endpoint (DingTalk {@code sessionWebhook}, WeCom {@code response_url}), or empty
 * @param expiresAt when {@code url} stops working, or {@link Instant#MAX} when unknown
 * @param attributes platform-specific extras (e.g. DingTalk {@code senderStaffId}, Feishu {@code message_id})
 */
public record ReplyHandle(String url, Instant expiresAt, Map<String, String> attributes) {
  public ReplyHandle {
    url = url == null ? "" : url;
    expiresAt = expiresAt == null ? Instant.MAX : expiresAt;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }
}
