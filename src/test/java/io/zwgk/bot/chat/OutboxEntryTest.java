package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OutboxEntryTest {
  private static InboundMessage from(ReplyHandle handle) {
    return new InboundMessage("feishu", "default", "oc_1", "工作群", "ou_1", "张三", "帮助", List.of(), "om_1", handle);
  }

  @Test
  @DisplayName("a reply whose handle never expires (Feishu, WeCom) is stored and read back as never expiring")
  void handleWithoutExpiry() {
    OutboxEntry entry = new OutboxEntry("feishu", null, from(new ReplyHandle("", null, Map.of())),
        OutboundMessage.of("帮助", "正文"), false);

    OutboxEntry back = OutboxEntry.decode(entry.encode());

    assertThat(back.replyTo().reply().expiresAt()).isEqualTo(Instant.MAX);
    assertThat(back.replyTo().messageId()).isEqualTo("om_1");
    assertThat(back.message()).isEqualTo(entry.message());
  }

  @Test
  @DisplayName("a reply handle's expiry and attributes survive the round trip to the millisecond")
  void handleWithExpiry() {
    Instant expires = Instant.parse("2024-05-06T02:30:00.123Z");
    OutboxEntry entry = new OutboxEntry("dingtalk", null, from(new ReplyHandle("https://oapi.example/session",
        expires, Map.of("senderStaffId", "s1"))), OutboundMessage.of("帮助", "正文"), false);

    ReplyHandle back = OutboxEntry.decode(entry.encode()).replyTo().reply();

    assertThat(back.expiresAt()).isEqualTo(expires);
    assertThat(back.url()).isEqualTo("https://oapi.example/session");
    assertThat(back.attributes()).containsEntry("senderStaffId", "s1");
  }
}
