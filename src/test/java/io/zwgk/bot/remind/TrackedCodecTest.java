package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TrackedCodecTest {
  private static final LocalDate DAY = LocalDate.of(2024, 4, 29);
  static final List<TrackedItem> ONE_OF_EACH = List.of(
      new TrackedItem.Column("1", "县水利局", "工作动态", "https://example.gov.cn/", "动态/要闻类", DAY),
      new TrackedItem.Account("2", "县水利局", "信丰水利", DAY, true, false),
      new TrackedItem.Task("3", "县司法局", "编制《标准目录》", DAY, true, DAY, DAY.minusDays(20), "政务公开标准目录内容"),
      new TrackedItem.OpenDay("4", "县司法局", DAY, false, true),
      new TrackedItem.Policy("5", "大阿镇政府", "关于“三同步”的通知", DAY, true),
      new TrackedItem.Letter("6", "大阿镇政府", "YSQ/2024\\007", DAY, true, true),
      new TrackedItem.Finding("7", "县水利局", "政府网站", "空白栏目", DAY, DAY.plusDays(7), FindingState.SUBMITTED,
          Optional.of("已补充内容")),
      new TrackedItem.Finding("8", "县水利局", "政府网站", "错别字", DAY, DAY, FindingState.OPEN, Optional.empty()));

  @Test
  @DisplayName("every kind of item survives encoding and decoding unchanged, id and kind kept outside the JSON")
  void roundTrip() {
    for (TrackedItem item : ONE_OF_EACH) {
      String json = TrackedCodec.encode(item);
      assertThat(new JsonObject(json).containsKey("id")).isFalse();
      assertThat(TrackedCodec.decode(item.kind(), item.id(), json)).isEqualTo(item);
    }
  }

  @Test
  @DisplayName("the API view adds the id and the kind's path")
  void apiView() {
    JsonObject json = TrackedCodec.toJson(ONE_OF_EACH.get(6));

    assertThat(json.getString("id")).isEqualTo("7");
    assertThat(json.getString("kind")).isEqualTo("findings");
    assertThat(json.getString("state")).isEqualTo("SUBMITTED");
    assertThat(json.getString("answer")).isEqualTo("已补充内容");
    assertThat(TrackedCodec.toJson(ONE_OF_EACH.get(7)).containsKey("answer")).isFalse();
  }

  @Test
  @DisplayName("only findings keep fields on re-import: their state and answer")
  void kept() {
    assertThat(TrackedCodec.keptOnImport(TrackedKind.FINDINGS)).containsExactly("state", "answer");
    assertThat(TrackedCodec.keptOnImport(TrackedKind.TASKS)).isEmpty();
  }
}
