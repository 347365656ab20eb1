package io.zwgk.bot.chat.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.testing.HostileMarkup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DingTalkEscapingTest {
  @Test
  @DisplayName("DingTalk markdown: user text in a reply or digest makes no link, image, HTML, heading or @-mention")
  void hostileTextStaysText() {
    for (OutboundMessage m : HostileMarkup.messages()) {
      String text = DingTalkReplyClient.body(m).getJsonObject("markdown").getString("text");

      assertThat(text).as(m.title()).doesNotContain("](", "[点我]", "<a", "<@", "<at", "@13800000000", "http://",
          "www.e.vil").doesNotContainPattern("(?m)^#");
    }
  }
}
