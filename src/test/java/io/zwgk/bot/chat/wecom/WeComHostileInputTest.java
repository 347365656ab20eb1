package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault drill: hostile pushes and ciphertexts reach the WeCom decoder and crypto; only documented rejections escape. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WeComHostileInputTest {
  private static final WxBizMsgCrypt CRYPT = new WxBizMsgCrypt(WxBizMsgCryptTest.A_TOKEN, WxBizMsgCryptTest.A_KEY,
      WxBizMsgCryptTest.A_RECEIVE_ID);
  private static final JsonObject PUSH = Callbacks.wecom().msgId("CAIQ16HMjQYY").chat("wrkSFfCg")
      .responseUrl("https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC")
      .put("msgtype", "mixed").text("@RobotA 完成率")
      .put("voice", new JsonObject().put("content", "排名"))
      .put("mixed", new JsonObject().put("msg_item", new JsonArray()
          .add(new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", "@RobotA 概况")))
          .add(new JsonObject().put("msgtype", "image").put("image", new JsonObject().put("url", "https://x/1.png")))))
      .object();

  private static void decodeChecked(String json) {
    WeComMessage m = WeComMessageDecoder.parse(json);
    m.isUserMessage();
    InboundMessage inbound = WeComMessageDecoder.toInbound(m, "default",
        WeComMessageDecoder.webhookReply(m, Instant.EPOCH));
    WeComMessageDecoder.toInbound(m, "default", WeComMessageDecoder.socketReply(m, "req-1"));
    assertThat(inbound.text().length()).as("text is bounded").isLessThanOrEqualTo(WeComMessageDecoder.MAX_TEXT_CHARS);
  }

  @Test
  @DisplayName("hostile text and mutations of a valid push: decoded or MalformedMessageException")
  void messageDecoder() {
    Fuzz.cases(10_000, 800, in -> decodeChecked(in.text()), MalformedMessageException.class);
    int decoded = Fuzz.cases(11_000, 1_500, in -> decodeChecked(in.mutate(PUSH)), MalformedMessageException.class);
    assertThat(decoded).as("mutations that still decode reach the text paths").isGreaterThan(300);
  }

  @Test
  @DisplayName("hostile ciphertexts (random, Base64 of any length, truncated, with junk): decrypted or"
      + " WeComCryptoException; signature checks only answer true or false")
  void crypto() {
    Fuzz.cases(12_000, 1_500, in -> CRYPT.decrypt(in.random().nextBoolean() ? in.base64() : in.text()),
        WeComCryptoException.class);
    Fuzz.cases(13_000, 800, in -> assertThat(CRYPT.verify(in.mixed(3), in.mixed(2), in.mixed(2), in.text()))
        .isFalse());
  }

  @Test
  @DisplayName("hostile plaintext encrypted with the right key: decrypted exactly, then decoded or rejected")
  void encryptedHostilePlaintext() {
    int decoded = Fuzz.cases(14_000, 800, in -> {
      String plain = in.random().nextBoolean() ? in.mutate(PUSH) : in.text();
      String back = CRYPT.decrypt(CRYPT.encrypt(plain));
      assertThat(back).as("exact round trip of the UTF-8 text")
          .isEqualTo(new String(plain.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
      decodeChecked(back);
    }, MalformedMessageException.class);
    assertThat(decoded).isGreaterThan(50);
  }
}
