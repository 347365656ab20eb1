package io.zwgk.bot.chat.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.testing.HostileMarkup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeishuEscapingTest {
  @Test
  @DisplayName("Feishu: user text makes no <at> mention in text messages (fallback, custom bots) and no element but "
      + "text in posts")
  void hostileTextStaysText() {
    for (OutboundMessage m : HostileMarkup.messages()) {
      String text = FeishuMessages.text(m);
      JsonObject post = FeishuMessages.post(m);

      assertThat(text).as(m.title()).doesNotContain("<at", "<a", "http://", "www.e.vil", "](");
      post.getJsonObject("zh_cn").getJsonArray("content").forEach(paragraph ->
          ((io.vertx.core.json.JsonArray) paragraph).forEach(element ->
              assertThat(((JsonObject) element).getString("tag")).as(m.title()).isEqualTo("text")));
      assertThat(post.encode()).doesNotContain("<at", "http://");
    }
  }
}
