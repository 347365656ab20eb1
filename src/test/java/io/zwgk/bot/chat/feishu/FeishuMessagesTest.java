package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.OutboundMessage;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeishuMessagesTest {
  private static final OutboundMessage REPLY = new OutboundMessage("完成率",
      "**县水利局** 2024年4月完成率 **19.11%**\n4月发布 2 条", List.of("ou_sender"), List.of("13800001111"));

  private static JsonArray paragraphs(OutboundMessage message) {
    return FeishuMessages.post(message).getJsonObject("zh_cn").getJsonArray("content");
  }

  @Test
  @DisplayName("a post has one paragraph per line, bold spans styled bold and the mention first")
  void postRendersBoldAndLines() {
    JsonArray content = paragraphs(REPLY);

    assertThat(content).hasSize(2);
    assertThat(content.getJsonArray(0)).containsExactly(
        new JsonObject().put("tag", "at").put("user_id", "ou_sender"),
        new JsonObject().put("tag", "text").put("text", " "),
        new JsonObject().put("tag", "text").put("text", "县水利局").put("style", new JsonArray().add("bold")),
        new JsonObject().put("tag", "text").put("text", " 2024年4月完成率 "),
        new JsonObject().put("tag", "text").put("text", "19.11%").put("style", new JsonArray().add("bold")));
    assertThat(content.getJsonArray(1)).containsExactly(new JsonObject().put("tag", "text").put("text", "4月发布 2 条"));
  }

  @Test
  @DisplayName("an unmatched ** stays literal, a heading becomes a bold line and a blank line an empty paragraph")
  void postEdgeCases() {
    JsonArray content = paragraphs(OutboundMessage.of("t", "### 排名\n\n共 5 ** 项"));

    assertThat(content.getJsonArray(0)).containsExactly(
        new JsonObject().put("tag", "text").put("text", "排名").put("style", new JsonArray().add("bold")));
    assertThat(content.getJsonArray(1)).containsExactly(new JsonObject().put("tag", "text").put("text", ""));
    assertThat(content.getJsonArray(2)).containsExactly(new JsonObject().put("tag", "text").put("text", "共 5 ** 项"));
  }

  @Test
  @DisplayName("the API body is a post whose content is a JSON string")
  void apiBodyIsPostString() {
    JsonObject body = FeishuMessages.apiBody(REPLY);

    assertThat(body.getString("msg_type")).isEqualTo("post");
    assertThat(new JsonObject(body.getString("content"))).isEqualTo(FeishuMessages.post(REPLY));
  }

  @Test
  @DisplayName("a post over the API's 30 KB limit falls back to plain text")
  void hugePostFallsBackToText() {
    String markdown = "**单位** 完成率\n".repeat(1200);
    assertThat(markdown.getBytes(UTF_8).length).isLessThan(30 * 1024);

    JsonObject body = FeishuMessages.apiBody(OutboundMessage.of("t", markdown));

    assertThat(body.getString("msg_type")).isEqualTo("text");
    assertThat(new JsonObject(body.getString("content")).getString("text")).startsWith("单位 完成率\n单位 完成率");
  }

  @Test
  @DisplayName("plain text drops the markers and mentions by <at user_id>, ignoring mobiles and unsafe ids")
  void textForCustomBots() {
    OutboundMessage message = new OutboundMessage("t", "### 提醒\n请 **尽快** 补报",
        List.of("ou_a", "ou_a", "all", "ou\"><x"), List.of("13800001111"));

    JsonObject body = FeishuMessages.customBotBody(message);

    assertThat(body.getString("msg_type")).isEqualTo("text");
    assertThat(body.getJsonObject("content").getString("text"))
        .isEqualTo("<at user_id=\"ou_a\"></at> <at user_id=\"all\"></at> 提醒\n请 尽快 补报");
  }
}
