package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.testing.HostileMarkup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WeComEscapingTest {
  @Test
  @DisplayName("WeCom markdown: user text in a reply or digest makes no link, <@userid> mention, tag or heading")
  void hostileTextStaysText() {
    for (OutboundMessage m : HostileMarkup.messages()) {
      String content = WeComGroupSender.markdownBody(m.markdown()).getJsonObject("markdown").getString("content");

      assertThat(content).as(m.title()).doesNotContain("](", "<@", "<at", "<a", "<font", "http://", "www.e.vil")
          .doesNotContainPattern("(?m)^#");
    }
  }
}
