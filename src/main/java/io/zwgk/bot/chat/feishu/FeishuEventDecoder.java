package io.zwgk.bot.chat.feishu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.DatabindCodec;
import io.zwgk.bot.chat.Attachment;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.chat.ReplyHandle;
import io.zwgk.bot.chat.feishu.FeishuCallback.Mention;
import io.zwgk.bot.chat.feishu.FeishuCallback.Message;
import io.zwgk.bot.chat.feishu.FeishuCallback.MessageEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a Feishu callback body into a {@link FeishuEvent} (decrypting {@code {"encrypt":…}} first) and an
 * {@code im.message.receive_v1} event into an {@link InboundMessage}: the dedupe key is {@code message_id} (Feishu
 * says not to rely on {@code event_id} for messages), the sender is the open_id, the text comes from the
 * {@code text} message's JSON-string {@code content} with every {@code @_user_N} placeholder of {@code mentions[]}
 * removed; a {@code file} message carries its {@code file_key} and {@code file_name} as the message's
 * {@link Attachment}. Feishu does not say which mention is the robot itself, so {@link InboundMessage#mentions()} lists every
 * mentioned open_id. Failures are {@link MalformedMessageException}s or {@link FeishuCryptoException}s that never
 * quote the body.
 */
final class FeishuEventDecoder {
  static final String PLATFORM = "feishu";
  static final String MESSAGE_RECEIVE = "im.message.receive_v1";
  static final int MAX_TEXT_CHARS = 4000;

  private FeishuEventDecoder() {
  }

  /**
   * Parses a raw callback body, decrypting it with {@code encryptKey} when it is {@code {"encrypt":…}}.
   *
   * @throws MalformedMessageException if the body (or plaintext) is not a UTF-8 JSON object of a known kind, or is
   *     encrypted while no Encrypt Key is configured
   * @throws FeishuCryptoException if the ciphertext cannot be decrypted with the key
   */
  static FeishuEvent decode(Buffer raw, Optional<String> encryptKey) {
    FeishuCallback callback = parse(utf8(raw.getBytes()));
    if (callback.encrypt() != null) {
      String key = encryptKey.orElseThrow(() -> new MalformedMessageException(
          "feishu callback is encrypted but no Encrypt Key is configured (FEISHU_ENCRYPT_KEY)"));
      callback = parse(FeishuCrypto.decrypt(key, callback.encrypt()));
    }
    return event(callback);
  }

  /**
   * The message of an {@code im.message.receive_v1} event; empty when the robot should not answer: the sender is not
   * a user (another bot), or a group message mentions nobody (so it was not addressed to the robot).
   */
  static Optional<InboundMessage> message(JsonNode event, String robot) {
    MessageEvent parsed = map(event, MessageEvent.class);
    if (parsed == null) {
      throw new MalformedMessageException("feishu message event is not an object");
    }
    Message m = parsed.message();
    if (m == null || m.messageId() == null || m.messageId().isBlank()) {
      throw new MalformedMessageException("feishu message event has no message.message_id");
    }
    if (parsed.sender() == null || !"user".equals(parsed.sender().senderType())) {
      return Optional.empty();
    }
    List<Mention> mentions = m.mentions() == null ? List.of()
        : m.mentions().stream().filter(Objects::nonNull).toList();
    if (!"p2p".equals(m.chatType()) && mentions.isEmpty()) {
      return Optional.empty();
    }
    String sender = parsed.sender().senderId() == null ? "" : parsed.sender().senderId().openId();
    return Optional.of(new InboundMessage(PLATFORM, robot, m.chatId(), "", sender, "",
        truncate(withoutMentions(text(m), mentions).strip()), mentionedIds(mentions), m.messageId(), handle(m),
        file(m)));
  }

  /** The file of a {@code file} message: {@code file_key} and {@code file_name} of its JSON-string content. */
  private static Optional<Attachment> file(Message m) {
    if (!"file".equals(m.messageType()) || m.content() == null) {
      return Optional.empty();
    }
    JsonNode content = readTree(m.content(), "message content");
    JsonNode key = content.path("file_key");
    if (!key.isTextual() || !FeishuFileDownloader.ID.matcher(key.asText()).matches()) {
      throw new MalformedMessageException("feishu file message has no usable file_key");
    }
    JsonNode name = content.path("file_name");
    return Optional.of(new Attachment(name.isTextual() ? name.asText() : "", -1,
        Map.of(FeishuFileDownloader.FILE_KEY, key.asText(), FeishuFileDownloader.MESSAGE_ID, m.messageId())));
  }

  private static FeishuEvent event(FeishuCallback cb) {
    if ("url_verification".equals(cb.type())) {
      if (cb.challenge() == null) {
        throw new MalformedMessageException("feishu url_verification has no challenge");
      }
      return new FeishuEvent.UrlVerification(cb.token(), cb.challenge());
    }
    if ("2.0".equals(cb.schema())) {
      if (cb.header() == null || cb.event() == null) {
        throw new MalformedMessageException("feishu v2.0 event lacks header or event");
      }
      return new FeishuEvent.Event(cb.header().token(), cb.header().eventType(), cb.event());
    }
    if (cb.event() != null) {
      return new FeishuEvent.Event(cb.token(), null, cb.event());
    }
    throw new MalformedMessageException("feishu callback is neither url_verification nor an event");
  }

  private static String text(Message m) {
    if (!"text".equals(m.messageType()) || m.content() == null) {
      return "";
    }
    JsonNode text = readTree(m.content(), "message content").path("text");
    return text.isTextual() ? text.asText() : "";
  }

  private static String withoutMentions(String text, List<Mention> mentions) {
    List<String> keys = mentions.stream().map(Mention::key).filter(k -> k != null && !k.isBlank())
        .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    String out = text;
    for (String key : keys) {
      out = out.replace(key, "");
    }
    return out;
  }

  private static List<String> mentionedIds(List<Mention> mentions) {
    return mentions.stream().map(Mention::id).filter(Objects::nonNull).map(FeishuCallback.UserId::openId)
        .filter(id -> id != null && !id.isBlank()).distinct().toList();
  }

  private static ReplyHandle handle(Message m) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("message_id", m.messageId());
    if (m.chatId() != null) {
      attributes.put("chat_id", m.chatId());
    }
    if (m.chatType() != null) {
      attributes.put("chat_type", m.chatType());
    }
    return new ReplyHandle("", null, attributes);
  }

  static String truncate(String text) {
    if (text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
    return text.substring(0, end);
  }

  private static FeishuCallback parse(String json) {
    JsonNode tree = readTree(json, "callback body");
    if (!tree.isObject()) {
      throw new MalformedMessageException("feishu callback body is not a JSON object");
    }
    return map(tree, FeishuCallback.class);
  }

  private static <T> T map(JsonNode tree, Class<T> type) {
    try {
      return DatabindCodec.mapper().treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedMessageException("feishu " + type.getSimpleName() + " has a field of the wrong type");
    }
  }

  private static JsonNode readTree(String json, String what) {
    try {
      JsonNode tree = DatabindCodec.mapper().readTree(json);
      if (tree == null || tree.isMissingNode()) {
        throw new MalformedMessageException("feishu " + what + " is empty");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException("feishu " + what + " is not valid JSON");
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedMessageException("feishu callback body is not valid UTF-8");
    }
  }
}
