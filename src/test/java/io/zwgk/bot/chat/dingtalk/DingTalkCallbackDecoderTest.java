package io.zwgk.bot.chat.dingtalk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DingTalkCallbackDecoderTest {
  /** The §1.2 sample body from platforms.md, with the elided ids filled in. */
  private static final String SAMPLE = """
      {"conversationId":"cidAsXSBLnA==","atUsers":[{"dingtalkId":"$:LWCP_v1:$robot","staffId":null},
       {"dingtalkId":"$:LWCP_v1:$other","staffId":"manager0001"}],
       "chatbotCorpId":"ding9f50b15bccd16741","chatbotUserId":"$:LWCP_v1:$robot","msgId":"msgLICYeHgY4JtMQw==",
       "senderNick":"用户","isAdmin":true,"senderStaffId":"16650123698","sessionWebhookExpiredTime":1690367502152,
       "createAt":1690362101894,"senderCorpId":"ding9f50b15bccd16741","conversationType":"2",
       "senderId":"$:LWCP_v1:$sender","conversationTitle":"测试群","isInAtList":true,
       "sessionWebhook":"https://oapi.dingtalk.com/robot/sendBySession?session=76da36b4",
       "text":{"content":" 测试数据"},"robotCode":"dingabcder3xc0b","msgtype":"text"}
      """;
  private static final String SECRET_WORD = "SECRETBODYWORD";

  private static InboundMessage decode(String json) {
    return DingTalkCallbackDecoder.decode(Buffer.buffer(json, "UTF-8"), "county");
  }

  private static JsonObject sample() {
    return new JsonObject(SAMPLE);
  }

  @Test
  @DisplayName("the documented sample becomes a platform-neutral message with its reply handle")
  void decodesSample() {
    InboundMessage m = decode(SAMPLE);

    assertThat(m.platform()).isEqualTo("dingtalk");
    assertThat(m.robot()).isEqualTo("county");
    assertThat(m.conversationId()).isEqualTo("cidAsXSBLnA==");
    assertThat(m.conversationTitle()).isEqualTo("测试群");
    assertThat(m.senderId()).isEqualTo("16650123698");
    assertThat(m.senderName()).isEqualTo("用户");
    assertThat(m.text()).isEqualTo("测试数据");
    assertThat(m.mentions()).containsExactly("manager0001");
    assertThat(m.messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
    assertThat(m.reply().url()).isEqualTo("https://oapi.dingtalk.com/robot/sendBySession?session=76da36b4");
    assertThat(m.reply().expiresAt()).isEqualTo(Instant.ofEpochMilli(1690367502152L));
    assertThat(m.reply().attributes()).isEqualTo(Map.of(
        "senderStaffId", "16650123698", "conversationType", "2",
        "robotCode", "dingabcder3xc0b", "conversationId", "cidAsXSBLnA=="));
  }

  @Test
  @DisplayName("an external sender without senderStaffId is identified by senderId, and no staff id is invented")
  void fallsBackToSenderId() {
    JsonObject body = sample();
    body.remove("senderStaffId");

    InboundMessage m = decode(body.encode());

    assertThat(m.senderId()).isEqualTo("$:LWCP_v1:$sender");
    assertThat(m.reply().attributes()).doesNotContainKey("senderStaffId");
  }

  @Test
  @DisplayName("richText concatenates its text parts and skips pictures")
  void richTextConcatenatesTextParts() {
    JsonObject body = sample().put("msgtype", "richText").put("content", new JsonObject().put("richText",
        new JsonArray()
            .add(new JsonObject().put("text", "完成率 "))
            .add(new JsonObject().put("pictureDownloadCode", "pic1").put("type", "picture"))
            .add(new JsonObject().put("text", "县教育局"))));

    assertThat(decode(body.encode()).text()).isEqualTo("完成率 县教育局");
  }

  @Test
  @DisplayName("an audio message yields its speech recognition text")
  void audioUsesRecognition() {
    JsonObject body = sample().put("msgtype", "audio")
        .put("content", new JsonObject().put("recognition", "排名").put("duration", 2000));

    assertThat(decode(body.encode()).text()).isEqualTo("排名");
  }

  @ParameterizedTest(name = "msgtype {0}")
  @ValueSource(strings = {"picture", "file", "video", "unknownMsgType"})
  @DisplayName("other message types yield empty text but still decode")
  void otherTypesHaveEmptyText(String type) {
    JsonObject body = sample().put("msgtype", type).put("content", new JsonObject().put("downloadCode", "x"));

    InboundMessage m = decode(body.encode());

    assertThat(m.text()).isEmpty();
    assertThat(m.messageId()).isEqualTo("msgLICYeHgY4JtMQw==");
  }

  @Test
  @DisplayName("text longer than 4,000 chars is cut to 4,000")
  void longTextIsTruncated() {
    JsonObject body = sample().put("text", new JsonObject().put("content", "完".repeat(5000)));

    assertThat(decode(body.encode()).text()).hasSize(4000).isEqualTo("完".repeat(4000));
  }

  @Test
  @DisplayName("truncation never splits a surrogate pair")
  void truncationKeepsSurrogatePairs() {
    String text = "a".repeat(3999) + "😀" + "b";

    String cut = DingTalkCallbackDecoder.truncate(text);

    assertThat(cut).isEqualTo("a".repeat(3999));
  }

  @Test
  @DisplayName("missing optional fields give empty strings, no mentions and a reply handle that never expires")
  void minimalBodyDecodes() {
    InboundMessage m = decode("{\"msgId\":\"m1\"}");

    assertThat(m.text()).isEmpty();
    assertThat(m.senderId()).isEmpty();
    assertThat(m.mentions()).isEmpty();
    assertThat(m.reply().url()).isEmpty();
    assertThat(m.reply().expiresAt()).isEqualTo(Instant.MAX);
    assertThat(m.reply().attributes()).isEmpty();
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "   ", "[]", "{}", "null", "42", "\"msgId\"", "{\"msgId\":\"\"}", "{\"msgId\":null}",
      "{\"msgId\":\"m1\"", "{\"msgId\":\"m1\",}", "{\"msgId\":{\"a\":1}}", "{\"msgId\":\"m1\",\"text\":[1]}",
      "{\"msgId\":\"m1\",\"atUsers\":\"all\"}", "{\"msgId\":\"m1\",\"sessionWebhookExpiredTime\":\"soon\"}"})
  @DisplayName("empty, non-object, incomplete or wrongly typed bodies are rejected as malformed")
  void rejectsMalformed(String json) {
    assertThatThrownBy(() -> decode(json)).isInstanceOf(MalformedMessageException.class);
  }

  @Test
  @DisplayName("random bytes are rejected as malformed, whatever they are")
  void rejectsRandomBytes() {
    Random random = new Random(20240401L);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[1 + random.nextInt(300)];
      random.nextBytes(bytes);
      assertThatThrownBy(() -> DingTalkCallbackDecoder.decode(Buffer.buffer(bytes), "r"))
          .isInstanceOf(MalformedMessageException.class);
    }
  }

  @Test
  @DisplayName("invalid UTF-8 is rejected, even inside a field the bot ignores")
  void rejectsInvalidUtf8() {
    byte[] head = "{\"msgId\":\"m1\",\"ignored\":\"".getBytes(UTF_8);
    byte[] tail = "\"}".getBytes(UTF_8);
    Buffer body = Buffer.buffer().appendBytes(head).appendBytes(new byte[] {(byte) 0xC3, (byte) 0x28}).appendBytes(tail);

    assertThatThrownBy(() -> DingTalkCallbackDecoder.decode(body, "r"))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  @DisplayName("deeply nested JSON is rejected without a stack overflow")
  void rejectsDeepNesting() {
    String nested = "[".repeat(100_000) + "]".repeat(100_000);

    assertThatThrownBy(() -> decode("{\"msgId\":\"m1\",\"x\":" + nested + "}"))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> decode(nested)).isInstanceOf(MalformedMessageException.class);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"{\"msgId\":\"m1\",\"text\":{\"content\":SECRETBODYWORD}}",
      "SECRETBODYWORD", "{\"SECRETBODYWORD\":", "{\"msgId\":{\"SECRETBODYWORD\":1}}"})
  @DisplayName("the error message never echoes the body")
  void errorDoesNotEchoBody(String json) {
    assertThatThrownBy(() -> decode(json))
        .isInstanceOf(MalformedMessageException.class)
        .message().doesNotContain(SECRET_WORD).startsWith("dingtalk callback");
  }

  @Test
  @DisplayName("a missing msgId is named in the error")
  void missingMsgIdIsNamed() {
    JsonObject body = sample();
    body.remove("msgId");

    assertThatThrownBy(() -> decode(body.encode())).hasMessageContaining("msgId");
  }

  @Test
  @DisplayName("a file message carries its downloadCode and fileName as the attachment, with empty text; one without "
      + "a downloadCode is malformed; other messages carry no file")
  void fileMessage() {
    JsonObject file = sample().put("msgtype", "file").put("conversationType", "1")
        .put("content", new JsonObject().put("downloadCode", "dl-code").put("fileName", "2024-04-县直单位.xlsx"));
    file.remove("text");

    InboundMessage m = decode(file.encode());

    assertThat(m.text()).isEmpty();
    assertThat(m.file()).hasValueSatisfying(a -> {
      assertThat(a.fileName()).isEqualTo("2024-04-县直单位.xlsx");
      assertThat(a.key(DingTalkCallbackDecoder.DOWNLOAD_CODE)).isEqualTo("dl-code");
    });
    assertThatThrownBy(() -> decode(file.put("content", new JsonObject().put("fileName", "x.xlsx")).encode()))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("downloadCode");
    assertThat(decode(SAMPLE).file()).isEmpty();
  }
}
