package io.zwgk.bot.chat.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.chat.MalformedMessageException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamFrameTest {
  private static final String CALLBACK = """
      {"specVersion":"1.0","type":"CALLBACK",
       "headers":{"appId":"a","contentType":"application/json","messageId":"212ca9d7_974_1898c159aa6_1783b",
                  "time":"1690362102194","topic":"/v1.0/im/bot/messages/get"},
       "data":"{\\"msgId\\":\\"msg-1\\",\\"text\\":{\\"content\\":\\" 测试数据\\"}}"}
      """;

  @Test
  @DisplayName("a robot-message frame gives its type, topic, message id and the data string untouched")
  void parsesCallback() {
    StreamFrame frame = StreamFrame.parse(CALLBACK);

    assertThat(frame.type()).isEqualTo("CALLBACK");
    assertThat(frame.topic()).isEqualTo(StreamFrame.BOT_MESSAGE_TOPIC);
    assertThat(frame.messageId()).isEqualTo("212ca9d7_974_1898c159aa6_1783b");
    assertThat(frame.data()).isEqualTo("{\"msgId\":\"msg-1\",\"text\":{\"content\":\" 测试数据\"}}");
    assertThat(frame.acknowledgeable()).isTrue();
  }

  @Test
  @DisplayName("the robot-message ACK is exactly DingTalk's documented shape, echoing the message id")
  void callbackAck() {
    String ack = StreamFrame.parse(CALLBACK).ack(200, "OK", StreamFrame.CALLBACK_ACK_DATA);

    assertThat(ack).isEqualTo("{\"code\":200,\"headers\":{\"contentType\":\"application/json\","
        + "\"messageId\":\"212ca9d7_974_1898c159aa6_1783b\"},"
        + "\"message\":\"OK\",\"data\":\"{\\\"response\\\": null}\"}");
  }

  @Test
  @DisplayName("fields of the wrong type or missing become empty strings, and such a frame cannot be ACKed")
  void missingFields() {
    StreamFrame frame = StreamFrame.parse("{\"type\":\"SYSTEM\",\"headers\":{\"topic\":7},\"data\":{\"opaque\":1}}");

    assertThat(frame.topic()).isEmpty();
    assertThat(frame.messageId()).isEmpty();
    assertThat(frame.data()).isEmpty();
    assertThat(frame.acknowledgeable()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{", "[1,2]", "null", "42", "{\"headers\":{}}",
      "{\"type\":\"\",\"headers\":{}}", "{\"type\":1,\"headers\":{}}", "{\"type\":\"SYSTEM\"}",
      "{\"type\":\"SYSTEM\",\"headers\":\"x\"}"})
  @DisplayName("anything but an object with a type and a headers object is malformed, without quoting the frame")
  void malformed(String text) {
    assertThatThrownBy(() -> StreamFrame.parse(text))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageStartingWith("dingtalk stream frame")
        .satisfies(e -> {
          if (!text.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(text);
          }
        });
  }
}
