package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.testing.Fuzz;
import io.zwgk.bot.testing.HostileInput;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fault drill: hostile callback bodies, ciphertexts and message contents reach the Feishu decoder and crypto; only
 * {@link MalformedMessageException} and {@link FeishuCryptoException} escape.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FeishuHostileInputTest {
  private static final String KEY = FeishuCryptoTest.KEY;
  private static final JsonObject CONTENT = new JsonObject().put("text", "@_user_1 完成率 水利局");
  private static final JsonObject EVENT = new JsonObject().put("schema", "2.0")
      .put("header", new JsonObject().put("event_id", "e-1").put("event_type", "im.message.receive_v1")
          .put("token", "vt").put("create_time", "1700000000000"))
      .put("event", new JsonObject()
          .put("sender", new JsonObject().put("sender_type", "user")
              .put("sender_id", new JsonObject().put("open_id", "ou_sender")))
          .put("message", new JsonObject().put("message_id", "om_1").put("chat_id", "oc_1").put("chat_type", "group")
              .put("message_type", "text").put("content", CONTENT.encode())
              .put("mentions", new JsonArray().add(new JsonObject().put("key", "@_user_1").put("name", "机器人")
                  .put("id", new JsonObject().put("open_id", "ou_robot"))))));

  private static void decodeChecked(byte[] body, Optional<String> key) {
    FeishuEvent event = FeishuEventDecoder.decode(Buffer.buffer(body), key);
    if (event instanceof FeishuEvent.Event e && e.event() != null) {
      Optional<InboundMessage> m = FeishuEventDecoder.message(e.event(), "default");
      m.ifPresent(message -> assertThat(message.text().length()).as("text is bounded")
          .isLessThanOrEqualTo(FeishuEventDecoder.MAX_TEXT_CHARS));
    }
  }

  private static byte[] encrypted(HostileInput in, String plain) {
    byte[] iv = new byte[16];
    in.random().nextBytes(iv);
    return new JsonObject().put("encrypt", FeishuCryptoTest.encrypt(KEY, iv, plain.getBytes(UTF_8))).encode()
        .getBytes(UTF_8);
  }

  @Test
  @DisplayName("hostile bodies, plain or claiming to be encrypted: decoded or rejected")
  void rawBodies() {
    Fuzz.cases(20_000, 800, in -> decodeChecked(in.bytes(), Optional.of(KEY)),
        MalformedMessageException.class, FeishuCryptoException.class);
    Fuzz.cases(21_000, 800, in -> decodeChecked(new JsonObject().put("encrypt", in.random().nextBoolean()
        ? in.base64() : in.text()).encode().getBytes(UTF_8), in.random().nextBoolean() ? Optional.of(KEY)
        : Optional.empty()), MalformedMessageException.class, FeishuCryptoException.class);
  }

  @Test
  @DisplayName("mutations of a message event and of its content JSON, plain and encrypted: decoded or rejected")
  void mutatedEvents() {
    int decoded = Fuzz.cases(22_000, 800, in -> {
      JsonObject event = EVENT.copy();
      if (in.random().nextBoolean()) {
        event.getJsonObject("event").getJsonObject("message").put("content", in.mutate(CONTENT));
      }
      String body = in.mutate(event);
      decodeChecked(in.random().nextBoolean() ? body.getBytes(UTF_8) : encrypted(in, body), Optional.of(KEY));
    }, MalformedMessageException.class, FeishuCryptoException.class);
    assertThat(decoded).as("mutations that still decode reach the message paths").isGreaterThan(150);
  }

  @Test
  @DisplayName("FeishuCrypto.decrypt on hostile ciphertexts: plaintext or FeishuCryptoException")
  void crypto() {
    Fuzz.cases(23_000, 1_500, in -> FeishuCrypto.decrypt(KEY, in.random().nextBoolean() ? in.base64() : in.text()),
        FeishuCryptoException.class);
  }

  @Test
  @DisplayName("the fuzz is not vacuous: the unmutated event decodes to a message")
  void templateDecodes() {
    FeishuEvent.Event e = (FeishuEvent.Event) FeishuEventDecoder.decode(Buffer.buffer(EVENT.encode()), Optional.empty());
    assertThat(FeishuEventDecoder.message(e.event(), "default")).get().extracting(InboundMessage::text)
        .isEqualTo("完成率 水利局");
  }
}
