package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {
  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  @DisplayName("a message within the limit is sent as it is")
  void shortMessageUntouched() {
    OutboundMessage m = new OutboundMessage("t", "完成率 19.11%", List.of("u1"), List.of());
    assertThat(MessageSplitter.split(m, 100)).containsExactly(m);
  }

  @Test
  @DisplayName("a long message is cut at line boundaries into numbered parts, each within the byte limit, nothing lost")
  void splitsAtLines() {
    String text = IntStream.rangeClosed(1, 60).mapToObj(i -> i + "、县某某单位 " + i + ".00%")
        .collect(Collectors.joining("\n"));
    OutboundMessage m = new OutboundMessage("排名", text, List.of("u1"), List.of("13800001111"));

    List<OutboundMessage> parts = MessageSplitter.split(m, 400);

    assertThat(parts.size()).isGreaterThan(2);
    for (int i = 0; i < parts.size(); i++) {
      assertThat(bytes(parts.get(i).markdown())).isLessThanOrEqualTo(400);
      assertThat(parts.get(i).markdown()).startsWith("(" + (i + 1) + "/" + parts.size() + ")\n");
    }
    String joined = parts.stream().map(p -> p.markdown().substring(p.markdown().indexOf('\n') + 1))
        .collect(Collectors.joining("\n"));
    assertThat(joined).isEqualTo(text);
    assertThat(parts.get(0).atUserIds()).containsExactly("u1");
    assertThat(parts.get(0).atMobiles()).containsExactly("13800001111");
    assertThat(parts.subList(1, parts.size())).allMatch(p -> p.atUserIds().isEmpty() && p.atMobiles().isEmpty());
  }

  @Test
  @DisplayName("a single line longer than the limit is cut between characters, never inside a CJK character or emoji")
  void cutsLongLineOnCharacters() {
    String line = "政务公开😀".repeat(200);
    List<OutboundMessage> parts = MessageSplitter.split(OutboundMessage.of("t", line), 101);

    String joined = parts.stream().map(p -> p.markdown().substring(p.markdown().indexOf('\n') + 1))
        .collect(Collectors.joining("\n"));
    assertThat(joined.replace("\n", "")).isEqualTo(line);
    parts.forEach(p -> {
      assertThat(bytes(p.markdown())).isLessThanOrEqualTo(101);
      assertThat(new String(p.markdown().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .isEqualTo(p.markdown());
      assertThat(p.markdown()).doesNotContain("\uFFFD");
    });
  }

  @Test
  @DisplayName("an impossible limit is refused")
  void tinyLimit() {
    assertThatThrownBy(() -> MessageSplitter.split(OutboundMessage.of("t", "x"), 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
