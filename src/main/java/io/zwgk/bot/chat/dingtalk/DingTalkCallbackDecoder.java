package io.zwgk.bot.chat.dingtalk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.DatabindCodec;
import io.zwgk.bot.chat.Attachment;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.chat.ReplyHandle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a verified DingTalk app-robot callback body into an {@link InboundMessage}. Text comes from {@code text.content}
 * ({@code text}), the text parts of {@code content.richText} ({@code richText}) or {@code content.recognition}
 * ({@code audio}); other message types give empty text. A {@code file} message (sent one-to-one) carries its
 * {@code content.downloadCode} and {@code content.fileName} as the message's {@link Attachment}. Text is stripped of surrounding blanks (DingTalk leaves a
 * space where the robot mention was) and cut to {@value #MAX_TEXT_CHARS} chars.
 */
final class DingTalkCallbackDecoder {
  static final int MAX_TEXT_CHARS = 4000;
  static final String PLATFORM = "dingtalk";
  /** The {@link Attachment} key of a file's {@code downloadCode}. */
  static final String DOWNLOAD_CODE = "downloadCode";

  private DingTalkCallbackDecoder() {}

  /**
   * Decodes {@code body} for the robot named {@code robot}.
   *
   * @throws MalformedMessageException if the body is not UTF-8 JSON, not an object, has a field of the wrong type or
   *     lacks {@code msgId}; the message never quotes the body
   */
  static InboundMessage decode(Buffer body, String robot) {
    return decode(body, robot, DingTalkRobotIds.NONE);
  }

  /**
   * Decodes {@code body} for the robot named {@code robot} whose own ids are {@code ids}.
   *
   * @throws DingTalkRobotIds.ForeignRobotException if the body carries a {@code robotCode} or {@code chatbotUserId}
   *     other than the configured one
   * @throws MalformedMessageException as {@link #decode(Buffer, String)}, or if an id is longer than
   *     {@value InboundMessage#MAX_ID_CHARS} characters
   */
  static InboundMessage decode(Buffer body, String robot, DingTalkRobotIds ids) {
    DingTalkCallback cb = parse(body);
    ids.check(cb);
    if (cb.msgId() == null || cb.msgId().isBlank()) {
      throw new MalformedMessageException("dingtalk callback has no msgId");
    }
    String sender = cb.senderStaffId() == null || cb.senderStaffId().isBlank() ? cb.senderId() : cb.senderStaffId();
    return new InboundMessage(PLATFORM, robot, cb.conversationId(), cb.conversationTitle(), sender, cb.senderNick(),
        truncate(text(cb).strip()), mentions(cb), cb.msgId(), replyHandle(cb), file(cb));
  }

  private static DingTalkCallback parse(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new MalformedMessageException("dingtalk callback body is empty");
    }
    String json = utf8(body);
    if (json.isBlank()) {
      throw new MalformedMessageException("dingtalk callback body is empty");
    }
    DingTalkCallback cb;
    try {
      cb = DatabindCodec.mapper().readValue(json, DingTalkCallback.class);
    } catch (StreamConstraintsException e) {
      throw tooDeep();
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamConstraintsException) {
        throw tooDeep();
      }
      throw new MalformedMessageException(e.getPath().isEmpty()
          ? "dingtalk callback body is not a JSON object"
          : "dingtalk callback field has the wrong type: " + fieldPath(e));
    } catch (JsonProcessingException e) {
      var at = e.getLocation();
      throw new MalformedMessageException("dingtalk callback body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    }
    if (cb == null) {
      throw new MalformedMessageException("dingtalk callback body is not a JSON object");
    }
    return cb;
  }

  private static MalformedMessageException tooDeep() {
    return new MalformedMessageException("dingtalk callback body exceeds JSON nesting or size limits");
  }

  private static String utf8(Buffer body) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body.getBytes()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedMessageException("dingtalk callback body is not valid UTF-8");
    }
  }

  private static String fieldPath(Exception e) {
    if (!(e instanceof JsonMappingException m) || m.getPath().isEmpty()) {
      return "unknown field";
    }
    return m.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String text(DingTalkCallback cb) {
    String type = cb.msgtype() == null ? "" : cb.msgtype();
    JsonNode content = cb.content() == null ? DatabindCodec.mapper().missingNode() : cb.content();
    return switch (type) {
      case "text" -> cb.text() == null || cb.text().content() == null ? "" : cb.text().content();
      case "richText" -> richText(content.path("richText"));
      case "audio" -> content.path("recognition").isTextual() ? content.path("recognition").asText() : "";
      default -> "";
    };
  }

  /** The file of a {@code msgtype=file} message: {@code content.downloadCode} and {@code content.fileName}. */
  private static Optional<Attachment> file(DingTalkCallback cb) {
    if (!"file".equals(cb.msgtype()) || cb.content() == null) {
      return Optional.empty();
    }
    JsonNode code = cb.content().path("downloadCode");
    if (!code.isTextual() || code.asText().isBlank() || code.asText().length() > MAX_TEXT_CHARS) {
      throw new MalformedMessageException("dingtalk file message has no usable content.downloadCode");
    }
    JsonNode name = cb.content().path("fileName");
    return Optional.of(new Attachment(name.isTextual() ? name.asText() : "", -1,
        Map.of(DOWNLOAD_CODE, code.asText())));
  }

  private static String richText(JsonNode parts) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode part : parts) {
      JsonNode text = part.path("text");
      if (text.isTextual()) {
        sb.append(text.asText());
      }
      if (sb.length() > MAX_TEXT_CHARS) {
        break;
      }
    }
    return sb.toString();
  }

  static String truncate(String text) {
    if (text.length() <= MAX_TEXT_CHARS) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_CHARS - 1)) ? MAX_TEXT_CHARS - 1 : MAX_TEXT_CHARS;
    return text.substring(0, end);
  }

  private static List<String> mentions(DingTalkCallback cb) {
    if (cb.atUsers() == null) {
      return List.of();
    }
    return cb.atUsers().stream()
        .filter(Objects::nonNull)
        .filter(u -> cb.chatbotUserId() == null || !cb.chatbotUserId().equals(u.dingtalkId()))
        .map(DingTalkCallback.AtUser::staffId)
        .filter(id -> id != null && !id.isBlank())
        .distinct()
        .toList();
  }

  private static ReplyHandle replyHandle(DingTalkCallback cb) {
    Map<String, String> attributes = new LinkedHashMap<>();
    putIfPresent(attributes, "senderStaffId", cb.senderStaffId());
    putIfPresent(attributes, "conversationType", cb.conversationType());
    putIfPresent(attributes, "robotCode", cb.robotCode());
    putIfPresent(attributes, "conversationId", cb.conversationId());
    Long expires = cb.sessionWebhookExpiredTime();
    return new ReplyHandle(cb.sessionWebhook(), expires == null ? null : Instant.ofEpochMilli(expires), attributes);
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value);
    }
  }
}
