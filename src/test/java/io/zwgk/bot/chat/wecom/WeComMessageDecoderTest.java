package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WeComMessageDecoderTest {
  private static final Instant NOW = Instant.parse("2024-04-30T08:00:00Z");

  static JsonObject push(String chattype, String msgtype, JsonObject content) {
    JsonObject push = new JsonObject()
        .put("msgid", "CAIQ16HMjQYY").put("aibotid", "AIBOTID").put("chattype", chattype)
        .put("from", new JsonObject().put("userid", "zhangsan"))
        .put("response_url", "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RC")
        .put("msgtype", msgtype).put(msgtype, content);
    return "group".equals(chattype) ? push.put("chatid", "wrkSFfCgAAxxx") : push;
  }

  private static InboundMessage decode(JsonObject push) {
    WeComMessage m = WeComMessageDecoder.parse(push.encode());
    return WeComMessageDecoder.toInbound(m, "default", WeComMessageDecoder.webhookReply(m, NOW));
  }

  @Test
  @DisplayName("a msgid, userid or chatid over 128 characters is malformed; 128 is accepted")
  void overlongIds() {
    JsonObject text = new JsonObject().put("content", "排名");
    String huge = "x".repeat(30_000);

    assertThatThrownBy(() -> decode(push("group", "text", text).put("msgid", huge)))
        .isInstanceOf(MalformedMessageException.class).hasMessageContaining("128");
    assertThatThrownBy(() -> decode(push("group", "text", text).put("from", new JsonObject().put("userid", huge))))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> decode(push("group", "text", text).put("chatid", "c".repeat(129))))
        .isInstanceOf(MalformedMessageException.class);
    assertThat(decode(push("group", "text", text).put("msgid", "m".repeat(128))).messageId()).hasSize(128);
  }

  @Test
  @DisplayName("a group text message becomes an inbound message without the leading robot mention")
  void groupText() {
    InboundMessage in = decode(push("group", "text", new JsonObject().put("content", "@政务公开助手 完成率 水利局")));

    assertThat(in.platform()).isEqualTo("wecom");
    assertThat(in.robot()).isEqualTo("default");
    assertThat(in.messageId()).isEqualTo("CAIQ16HMjQYY");
    assertThat(in.conversationId()).isEqualTo("wrkSFfCgAAxxx");
    assertThat(in.senderId()).isEqualTo("zhangsan");
    assertThat(in.text()).isEqualTo("完成率 水利局");
  }

  @Test
  @DisplayName("the mention is also stripped when WeCom follows it with a four-per-em space")
  void mentionWithUnicodeSpace() {
    InboundMessage in = decode(push("group", "text", new JsonObject().put("content", "@RobotA\u2005排名")));

    assertThat(in.text()).isEqualTo("排名");
  }

  @Test
  @DisplayName("in a 1:1 chat the text is kept whole and the conversation is the sender")
  void singleChatKeepsText() {
    InboundMessage in = decode(push("single", "text", new JsonObject().put("content", " @县水利局 怎么没报 ")));

    assertThat(in.text()).isEqualTo("@县水利局 怎么没报");
    assertThat(in.conversationId()).isEqualTo("zhangsan");
  }

  @Test
  @DisplayName("a voice message gives its transcription, a mixed message its text parts")
  void voiceAndMixed() {
    assertThat(decode(push("single", "voice", new JsonObject().put("content", "帮助"))).text()).isEqualTo("帮助");

    JsonArray items = new JsonArray()
        .add(new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", "@RobotA 完成率")))
        .add(new JsonObject().put("msgtype", "image").put("image", new JsonObject().put("url", "https://x/1.png")))
        .add(new JsonObject().put("msgtype", "text").put("text", new JsonObject().put("content", "教育局")));
    assertThat(decode(push("group", "mixed", new JsonObject().put("msg_item", items))).text())
        .isEqualTo("完成率 教育局");
  }

  @Test
  @DisplayName("an image message gives empty text")
  void imageEmpty() {
    assertThat(decode(push("single", "image", new JsonObject().put("url", "https://x/1.png"))).text()).isEmpty();
  }

  @Test
  @DisplayName("the webhook reply handle is the response_url, valid for one hour from receipt")
  void webhookHandle() {
    ReplyHandle handle = decode(push("group", "text", new JsonObject().put("content", "帮助"))).reply();

    assertThat(handle.url()).endsWith("response_code=RC");
    assertThat(handle.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(handle.attributes()).doesNotContainKey(WeComMessageDecoder.REQ_ID);
  }

  @Test
  @DisplayName("without response_url the handle has no URL; a socket handle carries the callback req_id")
  void otherHandles() {
    JsonObject push = push("single", "text", new JsonObject().put("content", "帮助"));
    push.remove("response_url");
    WeComMessage m = WeComMessageDecoder.parse(push.encode());

    assertThat(WeComMessageDecoder.webhookReply(m, NOW).url()).isEmpty();
    assertThat(WeComMessageDecoder.socketReply(m, "req-9").attributes())
        .containsEntry(WeComMessageDecoder.REQ_ID, "req-9");
  }

  @Test
  @DisplayName("events and stream refreshes are not user messages")
  void eventsAreNotMessages() {
    assertThat(WeComMessageDecoder.parse("{\"msgid\":\"1\",\"msgtype\":\"event\"}").isUserMessage()).isFalse();
    assertThat(WeComMessageDecoder.parse("{\"msgid\":\"1\",\"msgtype\":\"stream\"}").isUserMessage()).isFalse();
    assertThat(WeComMessageDecoder.parse("{\"msgid\":\"1\",\"msgtype\":\"text\"}").isUserMessage()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[1,2]", "{\"msgid\":", "{\"msgid\":\"1\",\"from\":\"zhangsan\"}"})
  @DisplayName("bodies that are not a well-typed JSON object are malformed")
  void malformed(String json) {
    assertThatThrownBy(() -> WeComMessageDecoder.parse(json)).isInstanceOf(MalformedMessageException.class);
  }

  @Test
  @DisplayName("a message without msgid is malformed")
  void missingMsgid() {
    JsonObject push = push("single", "text", new JsonObject().put("content", "帮助"));
    push.remove("msgid");

    assertThatThrownBy(() -> decode(push)).isInstanceOf(MalformedMessageException.class).hasMessageContaining("msgid");
  }
}
