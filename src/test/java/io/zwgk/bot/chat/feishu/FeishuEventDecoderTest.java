package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeishuEventDecoderTest {
  static final String TOKEN = "v-token";

  /** An im.message.receive_v1 callback as Feishu sends it (v2.0 envelope, content as a JSON string). */
  static JsonObject messageEvent(String eventId, String messageId, String chatType, String text) {
    JsonObject mention = new JsonObject().put("key", "@_user_1").put("name", "政务公开助手")
        .put("id", new JsonObject().put("open_id", "ou_bot").put("union_id", "on_bot").put("user_id", ""));
    JsonObject message = new JsonObject().put("message_id", messageId).put("root_id", "").put("parent_id", "")
        .put("create_time", "1609073151345").put("chat_id", "oc_group").put("chat_type", chatType)
        .put("message_type", "text").put("content", new JsonObject().put("text", text).encode())
        .put("mentions", new JsonArray().add(mention));
    JsonObject sender = new JsonObject().put("sender_type", "user").put("tenant_key", "tk")
        .put("sender_id", new JsonObject().put("open_id", "ou_sender").put("union_id", "on_s").put("user_id", "u1"));
    return new JsonObject().put("schema", "2.0")
        .put("header", new JsonObject().put("event_id", eventId).put("event_type", "im.message.receive_v1")
            .put("create_time", "1603977298000000").put("token", TOKEN).put("app_id", "cli_x").put("tenant_key", "tk"))
        .put("event", new JsonObject().put("sender", sender).put("message", message));
  }

  private static FeishuEvent.Event event(JsonObject body) {
    return (FeishuEvent.Event) FeishuEventDecoder.decode(Buffer.buffer(body.encode()), Optional.empty());
  }

  private static Optional<InboundMessage> message(JsonObject body) {
    FeishuEvent.Event e = event(body);
    return FeishuEventDecoder.message(e.event(), "default");
  }

  @Test
  @DisplayName("a text message becomes an InboundMessage keyed by message_id, the mention placeholder removed")
  void textMessage() {
    InboundMessage m = message(messageEvent("ev-1", "om_1", "group", "@_user_1 完成率 水利局")).orElseThrow();

    assertThat(m.platform()).isEqualTo("feishu");
    assertThat(m.messageId()).isEqualTo("om_1");
    assertThat(m.text()).isEqualTo("完成率 水利局");
    assertThat(m.senderId()).isEqualTo("ou_sender");
    assertThat(m.conversationId()).isEqualTo("oc_group");
    assertThat(m.mentions()).containsExactly("ou_bot");
    assertThat(m.reply().attributes()).containsEntry("message_id", "om_1").containsEntry("chat_type", "group");
  }

  @Test
  @DisplayName("placeholders are removed longest first, so @_user_10 is not left as a stray 0")
  void longPlaceholdersFirst() {
    JsonObject body = messageEvent("ev-2", "om_2", "group", "@_user_1 排名 @_user_10");
    JsonObject m = body.getJsonObject("event").getJsonObject("message");
    m.getJsonArray("mentions").add(new JsonObject().put("key", "@_user_10").put("id", new JsonObject()
        .put("open_id", "ou_other")));

    assertThat(message(body).orElseThrow().text()).isEqualTo("排名");
  }

  @Test
  @DisplayName("a group message mentioning nobody, or sent by an app, is not answered")
  void ignoredMessages() {
    JsonObject unaddressed = messageEvent("ev-3", "om_3", "group", "大家好");
    unaddressed.getJsonObject("event").getJsonObject("message").remove("mentions");
    JsonObject fromBot = messageEvent("ev-4", "om_4", "group", "@_user_1 帮助");
    fromBot.getJsonObject("event").getJsonObject("sender").put("sender_type", "app");
    JsonObject direct = messageEvent("ev-5", "om_5", "p2p", "帮助");
    direct.getJsonObject("event").getJsonObject("message").remove("mentions");

    assertThat(message(unaddressed)).isEmpty();
    assertThat(message(fromBot)).isEmpty();
    assertThat(message(direct)).map(InboundMessage::text).contains("帮助");
  }

  @Test
  @DisplayName("a non-text message gives empty text; a text message whose content is not JSON is malformed")
  void contentShapes() {
    JsonObject image = messageEvent("ev-6", "om_6", "group", "x");
    image.getJsonObject("event").getJsonObject("message").put("message_type", "image")
        .put("content", "{\"image_key\":\"img_1\"}");
    JsonObject broken = messageEvent("ev-7", "om_7", "group", "x");
    broken.getJsonObject("event").getJsonObject("message").put("content", "{\"text\":");

    assertThat(message(image)).map(InboundMessage::text).contains("");
    assertThatThrownBy(() -> message(broken)).isInstanceOf(MalformedMessageException.class)
        .hasMessageNotContaining("{\"text\"");
  }

  @Test
  @DisplayName("a message_id, sender open_id or chat_id over 128 characters is malformed; 128 is accepted")
  void overlongIds() {
    String huge = "x".repeat(30_000);
    JsonObject longSender = messageEvent("ev-10", "om_10", "group", "x");
    longSender.getJsonObject("event").getJsonObject("sender").getJsonObject("sender_id").put("open_id", huge);
    JsonObject longChat = messageEvent("ev-11", "om_11", "group", "x");
    longChat.getJsonObject("event").getJsonObject("message").put("chat_id", "c".repeat(129));

    assertThatThrownBy(() -> message(messageEvent("ev-12", huge, "group", "x")))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("128");
    assertThatThrownBy(() -> message(longSender)).isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> message(longChat)).isInstanceOf(MalformedMessageException.class);
    assertThat(message(messageEvent("ev-13", "o".repeat(128), "group", "x"))).isPresent();
  }

  @Test
  @DisplayName("a message event without message_id, or with a field of the wrong type, is malformed")
  void missingFields() {
    JsonObject noId = messageEvent("ev-8", "om_8", "group", "x");
    noId.getJsonObject("event").getJsonObject("message").remove("message_id");
    JsonObject wrongType = messageEvent("ev-9", "om_9", "group", "x");
    wrongType.getJsonObject("event").getJsonObject("message").put("mentions", "nobody");

    assertThatThrownBy(() -> message(noId)).isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> message(wrongType)).isInstanceOf(MalformedMessageException.class);
  }

  @Test
  @DisplayName("url_verification, v2.0 and v1.0 envelopes are told apart, each with its token")
  void envelopes() {
    FeishuEvent verification = FeishuEventDecoder.decode(Buffer.buffer(
        "{\"challenge\":\"ajls384kdj\",\"token\":\"v-token\",\"type\":\"url_verification\"}"), Optional.empty());
    FeishuEvent.Event v2 = event(messageEvent("ev-10", "om_10", "group", "x"));
    FeishuEvent.Event v1 = event(new JsonObject().put("uuid", "u").put("token", "t1").put("type", "event_callback")
        .put("event", new JsonObject().put("type", "message")));

    assertThat(verification).isEqualTo(new FeishuEvent.UrlVerification("v-token", "ajls384kdj"));
    assertThat(v2.token()).isEqualTo(TOKEN);
    assertThat(v2.eventType()).isEqualTo("im.message.receive_v1");
    assertThat(v1.token()).isEqualTo("t1");
    assertThat(v1.eventType()).isNull();
  }

  @Test
  @DisplayName("an encrypted body is decrypted with the Encrypt Key, and refused when none is configured")
  void encryptedBody() {
    String plain = "{\"challenge\":\"c1\",\"token\":\"v-token\",\"type\":\"url_verification\"}";
    String body = new JsonObject().put("encrypt", FeishuCryptoTest.encrypt("k", new byte[16], plain.getBytes(UTF_8)))
        .encode();

    assertThat(FeishuEventDecoder.decode(Buffer.buffer(body), Optional.of("k")))
        .isEqualTo(new FeishuEvent.UrlVerification("v-token", "c1"));
    assertThatThrownBy(() -> FeishuEventDecoder.decode(Buffer.buffer(body), Optional.empty()))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("FEISHU_ENCRYPT_KEY");
    assertThatThrownBy(() -> FeishuEventDecoder.decode(Buffer.buffer(body), Optional.of("other key")))
        .isInstanceOf(FeishuCryptoException.class);
  }

  @Test
  @DisplayName("bodies that are not UTF-8 JSON objects of a known kind are malformed")
  void malformedBodies() {
    for (byte[] raw : new byte[][] {"".getBytes(UTF_8), "[1]".getBytes(UTF_8), "{\"a\":".getBytes(UTF_8),
        {(byte) 0xC3, 0x28}, "{\"type\":\"hello\"}".getBytes(UTF_8), "{\"schema\":\"2.0\"}".getBytes(UTF_8)}) {
      assertThatThrownBy(() -> FeishuEventDecoder.decode(Buffer.buffer(raw), Optional.empty()))
          .isInstanceOf(MalformedMessageException.class);
    }
  }
}
