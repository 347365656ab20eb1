package io.zwgk.bot.chat.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.Fuzz;
import io.zwgk.bot.testing.HostileInput;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault drill: hostile bodies and frames reach the DingTalk parsers; only the documented rejection escapes. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DingTalkHostileInputTest {
  private static final JsonObject CALLBACK = Callbacks.dingtalk().conversation("cidAsXSBLnA==", "测试群")
      .msgId("msgLICYeHgY4JtMQw==").sender("16650123698", "用户")
      .put("senderId", "$:LWCP_v1:$sender").put("chatbotUserId", "$:LWCP_v1:$robot").put("robotCode", "ding1")
      .session("https://oapi.dingtalk.com/robot/sendBySession?session=76da36b4", 1690367502152L)
      .text(" 完成率 水利局")
      .put("content", new JsonObject().put("recognition", "排名")
          .put("richText", new JsonArray().add(new JsonObject().put("text", "完成率")).add(new JsonObject()
              .put("pictureDownloadCode", "x"))))
      .put("atUsers", new JsonArray().add(new JsonObject().put("dingtalkId", "$:LWCP_v1:$robot"))
          .add(new JsonObject().put("dingtalkId", "$:LWCP_v1:$other").put("staffId", "manager0001"))).object();

  private static JsonObject frame(String data) {
    return new JsonObject().put("specVersion", "1.0").put("type", "CALLBACK")
        .put("headers", new JsonObject().put("topic", StreamFrame.BOT_MESSAGE_TOPIC).put("messageId", "m-1")
            .put("contentType", "application/json"))
        .put("data", data);
  }

  private static void decodeChecked(Buffer body) {
    InboundMessage m = DingTalkCallbackDecoder.decode(body, "default");
    assertThat(m.text().length()).as("text is bounded").isLessThanOrEqualTo(DingTalkCallbackDecoder.MAX_TEXT_CHARS);
    assertThat(m.messageId()).isNotBlank();
  }

  @Test
  @DisplayName("random bytes, invalid UTF-8, huge and deeply nested bodies: decoded or MalformedMessageException")
  void callbackDecoderRawBodies() {
    Fuzz.cases(1_000, 800, in -> decodeChecked(Buffer.buffer(in.bytes())), MalformedMessageException.class);
  }

  @Test
  @DisplayName("mutations of a valid callback (fields retyped, removed, huge, emoji, controls): decoded or rejected")
  void callbackDecoderMutations() {
    int decoded = Fuzz.cases(2_000, 1_500, in -> decodeChecked(Buffer.buffer(in.mutate(CALLBACK))),
        MalformedMessageException.class);
    assertThat(decoded).as("mutations that still decode reach the text and mention paths").isGreaterThan(300);
  }

  @Test
  @DisplayName("hostile Stream frames, and hostile data inside well-formed frames: parsed or rejected")
  void streamFrames() {
    Fuzz.cases(3_000, 500, in -> StreamFrame.parse(in.text()), MalformedMessageException.class);
    Fuzz.cases(4_000, 500, in -> StreamFrame.parse(in.mutate(frame(CALLBACK.encode()))),
        MalformedMessageException.class);
    int decoded = Fuzz.cases(5_000, 800, in -> {
      StreamFrame f = StreamFrame.parse(frame(in.mutate(CALLBACK)).encode());
      decodeChecked(Buffer.buffer(f.data()));
    }, MalformedMessageException.class);
    assertThat(decoded).isGreaterThan(100);
  }

  @Test
  @DisplayName("the fuzz is not vacuous: unmutated templates decode")
  void templatesDecode() {
    decodeChecked(Buffer.buffer(CALLBACK.encode()));
    assertThat(StreamFrame.parse(frame(CALLBACK.encode()).encode()).data()).isEqualTo(CALLBACK.encode());
    assertThat(new HostileInput(1).mutate(CALLBACK)).isNotEqualTo(CALLBACK.encode());
  }
}
