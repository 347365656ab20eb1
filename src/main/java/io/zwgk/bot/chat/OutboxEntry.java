package io.zwgk.bot.chat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One queued message as stored in the outbox: where it goes (a configured group, or the conversation of an inbound
 * message whose direct reply failed) and what it says.
 *
 * @param platform the platform that sends it
 * @param group the configured group's name, or empty for a reply
 * @param replyTo the inbound message being answered (text dropped), or null for a group message
 * @param message the part to send
 * @param alert true for the office's delivery-problem notices, which never raise notices of their own
 */
public record OutboxEntry(String platform, String group, InboundMessage replyTo, OutboundMessage message,
    boolean alert) {
  public OutboxEntry {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(message, "message");
    group = group == null ? "" : group;
  }

  /** The rate-limit and ordering lane: one per sending robot. */
  public String lane() {
    return replyTo == null ? platform + ":group:" + group
        : platform + ":reply:" + replyTo.robot() + ":" + replyTo.conversationId();
  }

  public String encode() {
    JsonObject json = new JsonObject().put("platform", platform).put("group", group).put("alert", alert)
        .put("message", new JsonObject().put("title", message.title()).put("markdown", message.markdown())
            .put("atUserIds", new JsonArray(message.atUserIds())).put("atMobiles", new JsonArray(message.atMobiles())));
    if (replyTo != null) {
      ReplyHandle h = replyTo.reply();
      JsonObject to = new JsonObject().put("robot", replyTo.robot())
          .put("conversationId", replyTo.conversationId()).put("senderId", replyTo.senderId())
          .put("messageId", replyTo.messageId()).put("url", h.url())
          .put("attributes", new JsonObject(Map.copyOf(h.attributes())));
      epochMillis(h.expiresAt()).ifPresent(ms -> to.put("expiresAt", ms));
      json.put("replyTo", to);
    }
    return json.encode();
  }

  /** @throws IllegalArgumentException when the stored payload is not an entry (it is then dead-lettered) */
  public static OutboxEntry decode(String payload) {
    try {
      JsonObject json = new JsonObject(payload);
      JsonObject m = json.getJsonObject("message");
      OutboundMessage message = new OutboundMessage(m.getString("title"), m.getString("markdown"),
          strings(m.getJsonArray("atUserIds")), strings(m.getJsonArray("atMobiles")));
      JsonObject r = json.getJsonObject("replyTo");
      InboundMessage replyTo = r == null ? null : inbound(json.getString("platform"), r);
      return new OutboxEntry(json.getString("platform"), json.getString("group"), replyTo, message,
          json.getBoolean("alert", false));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not an outbox entry: " + e.getMessage(), e);
    }
  }

  private static InboundMessage inbound(String platform, JsonObject r) {
    Map<String, String> attributes = new java.util.HashMap<>();
    r.getJsonObject("attributes", new JsonObject()).forEach(e -> attributes.put(e.getKey(), String.valueOf(e.getValue())));
    Long expiresAt = r.getLong("expiresAt");
    ReplyHandle handle = new ReplyHandle(r.getString("url"), expiresAt == null ? null : Instant.ofEpochMilli(expiresAt),
        attributes);
    return new InboundMessage(platform, r.getString("robot"), r.getString("conversationId"), "",
        r.getString("senderId"), "", "", List.of(), r.getString("messageId"), handle);
  }

  /** The instant in epoch milliseconds; empty for a handle that never expires ({@link Instant#MAX}) or lies beyond. */
  private static Optional<Long> epochMillis(Instant at) {
    try {
      return Optional.of(at.toEpochMilli());
    } catch (ArithmeticException e) {
      return Optional.empty();
    }
  }

  private static List<String> strings(JsonArray array) {
    return array == null ? List.of() : array.stream().map(String::valueOf).toList();
  }
}
