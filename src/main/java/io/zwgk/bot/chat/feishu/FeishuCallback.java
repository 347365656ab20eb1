package io.zwgk.bot.chat.feishu;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Feishu event-subscription body after decryption, reduced to the fields the bot uses: a {@code url_verification}
 * ({@code type}, {@code token}, {@code challenge}), a v2.0 event ({@code schema}, {@code header}, {@code event}) or a
 * v1.0 event (top-level {@code token}, {@code event}). {@code encrypt} is set on the still-encrypted body.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FeishuCallback(String schema, String type, String token, String challenge, String encrypt, Header header,
    JsonNode event) {

  /** The v2.0 event header. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Header(@JsonProperty("event_id") String eventId, @JsonProperty("event_type") String eventType,
      String token) {
  }

  /** The {@code event} of {@code im.message.receive_v1}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MessageEvent(Sender sender, Message message) {
  }

  /** Who sent the message; {@code sender_type} is {@code user} for people. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Sender(@JsonProperty("sender_id") UserId senderId, @JsonProperty("sender_type") String senderType) {
  }

  /** A user's ids; the bot uses the open_id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UserId(@JsonProperty("open_id") String openId) {
  }

  /** The message; {@code content} is a JSON <b>string</b> whose shape depends on {@code message_type}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Message(@JsonProperty("message_id") String messageId, @JsonProperty("chat_id") String chatId,
      @JsonProperty("chat_type") String chatType, @JsonProperty("message_type") String messageType,
      String content, List<Mention> mentions) {
  }

  /** A mention placeholder ({@code @_user_1}) in the text and whom it stands for. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Mention(String key, UserId id, String name) {
  }
}
