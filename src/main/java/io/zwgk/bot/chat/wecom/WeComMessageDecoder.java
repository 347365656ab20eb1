package io.zwgk.bot.chat.wecom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.jackson.DatabindCodec;
import io.zwgk.bot.chat.Attachment;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a verified 智能机器人 push into an {@link InboundMessage}. Text comes from {@code text.content}, the
 * transcription {@code voice.content} or the text parts of {@code mixed}; other types give empty text. A {@code file}
 * message carries {@code file.url} (and {@code file.aeskey} in long-connection mode) as its {@link Attachment}. In groups
 * WeCom keeps the robot mention ({@code "@RobotA 完成率"}), so one leading {@code @name} is removed there. Text is
 * stripped and cut to {@value #MAX_TEXT_CHARS} chars.
 */
final class WeComMessageDecoder {
  static final String PLATFORM = "wecom";
  static final int MAX_TEXT_CHARS = 4000;
  /** How long a {@code response_url} may be used (once). */
  static final Duration RESPONSE_URL_LIFETIME = Duration.ofHours(1);
  /** ReplyHandle attribute naming the long-connection callback a reply answers. */
  static final String REQ_ID = "reqId";

  private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*@\\S+\\s*", Pattern.UNICODE_CHARACTER_CLASS);

  private WeComMessageDecoder() {}

  /**
   * Parses the JSON of one push.
   *
   * @throws MalformedMessageException if it is not a JSON object or a field has the wrong type; never quotes the body
   */
  static WeComMessage parse(String json) {
    JsonNode tree;
    try {
      tree = DatabindCodec.mapper().readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException("wecom message is not valid JSON");
    }
    if (tree == null || !tree.isObject()) {
      throw new MalformedMessageException("wecom message is not a JSON object");
    }
    try {
      return DatabindCodec.mapper().treeToValue(tree, WeComMessage.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new MalformedMessageException("wecom message field has the wrong type");
    }
  }

  /**
   * The inbound message for robot {@code robot}, answered through {@code reply}.
   *
   * @throws MalformedMessageException if the push has no {@code msgid}
   */
  static InboundMessage toInbound(WeComMessage m, String robot, ReplyHandle reply) {
    if (m.msgid() == null || m.msgid().isBlank()) {
      throw new MalformedMessageException("wecom message has no msgid");
    }
    String conversation = m.chatid() == null || m.chatid().isBlank() ? m.senderId() : m.chatid();
    String text = text(m).strip();
    if ("group".equals(m.chattype())) {
      text = LEADING_MENTION.matcher(text).replaceFirst("");
    }
    return new InboundMessage(PLATFORM, robot, conversation, "", m.senderId(), "", truncate(text), List.of(),
        m.msgid(), reply, file(m));
  }

  /** The file of a {@code file} message: its {@code url}, {@code aeskey} (long connection) and name, if any. */
  private static Optional<Attachment> file(WeComMessage m) {
    if (!"file".equals(m.msgtype()) || m.file() == null) {
      return Optional.empty();
    }
    String url = m.file().url();
    if (url == null || url.isBlank() || url.length() > MAX_TEXT_CHARS) {
      throw new MalformedMessageException("wecom file message has no usable file.url");
    }
    Map<String, String> keys = new HashMap<>(Map.of(WeComFileDownloader.URL, url));
    if (m.file().aeskey() != null && !m.file().aeskey().isBlank()) {
      keys.put(WeComFileDownloader.AES_KEY, m.file().aeskey());
    }
    return Optional.of(new Attachment(m.file().filename(), -1, keys));
  }

  /** Webhook mode: reply through {@code response_url}, usable once within an hour of receipt. */
  static ReplyHandle webhookReply(WeComMessage m, Instant receivedAt) {
    String url = m.responseUrl() == null ? "" : m.responseUrl();
    return new ReplyHandle(url, url.isEmpty() ? null : receivedAt.plus(RESPONSE_URL_LIFETIME), attributes(m));
  }

  /** Long-connection mode: reply over the socket, keyed by the callback frame's {@code req_id}. */
  static ReplyHandle socketReply(WeComMessage m, String reqId) {
    Map<String, String> attributes = new HashMap<>(attributes(m));
    attributes.put(REQ_ID, reqId);
    return new ReplyHandle("", null, attributes);
  }

  private static Map<String, String> attributes(WeComMessage m) {
    return m.chattype() == null ? Map.of() : Map.of("chattype", m.chattype());
  }

  private static String text(WeComMessage m) {
    return switch (m.msgtype() == null ? "" : m.msgtype()) {
      case "text" -> content(m.text());
      case "voice" -> content(m.voice());
      case "mixed" -> m.mixed() == null || m.mixed().msgItem() == null ? "" : m.mixed().msgItem().stream()
          .filter(Objects::nonNull)
          .filter(item -> "text".equals(item.msgtype()))
          .map(item -> content(item.text()))
          .collect(Collectors.joining(" "));
      default -> "";
    };
  }

  private static String content(WeComMessage.Content c) {
    return c == null || c.content() == null ? "" : c.content();
  }

  private static String truncate(String text) {
    if (text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
    return text.substring(0, end);
  }
}
