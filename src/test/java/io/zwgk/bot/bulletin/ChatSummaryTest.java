package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.chat.MessageSplitter;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.remind.TrackedItem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatSummaryTest {
  private final Bulletin draft = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));

  @Test
  @DisplayName("the group message carries every section and a link to the full bulletin, but not the tables")
  void published() {
    OutboundMessage m = ChatSummary.published(draft, Optional.of("https://zwgk.example.gov.cn/"), "wecom");

    assertThat(m.title()).isEqualTo("2024年4月政务公开月报");
    assertThat(m.markdown()).startsWith("## 2024年4月政务公开月报\n\n编者按:")
        .contains("### [基本情况]", "累计主动公开政府信息20160条", "### [工作要求]",
            "**附件**:政府信息公开平台县直单位信息发布统计表、政府信息公开平台各乡镇信息发布统计表见全文",
            "[查看全文 / 下载 Word、Excel](https://zwgk.example.gov.cn/bulletins/2024-04)")
        .doesNotContain("114.73");
    assertThat(m.markdown()).doesNotContain("chart.png");
    assertThat(ChatSummary.published(draft, Optional.empty(), "dingtalk").markdown()).doesNotContain("](");
  }

  @Test
  @DisplayName("on DingTalk, whose markdown shows images, the summary also shows the completion-ratio chart")
  void chartOnDingTalk() {
    assertThat(ChatSummary.published(draft, Optional.of("https://zwgk.example.gov.cn"), "dingtalk").markdown())
        .contains("![各单位完成比例与时序进度](https://zwgk.example.gov.cn/bulletins/2024-04/chart.png)");
  }

  @Test
  @DisplayName("split to a platform's limit, every part fits and the parts hold the whole message")
  void fitsTheSplitter() {
    OutboundMessage m = ChatSummary.published(draft, Optional.of("https://zwgk.example.gov.cn"), "feishu");

    List<OutboundMessage> parts = MessageSplitter.split(m, 2000);

    assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p ->
        assertThat(p.markdown().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2000));
    assertThat(String.join("\n", parts.stream().map(OutboundMessage::markdown).toList()))
        .contains("累计主动公开政府信息20160条", "/bulletins/2024-04)");
  }

  @Test
  @DisplayName("a narrative item, a unit name or a note with links, images or mentions is shown as text: the only "
      + "link is the one to the full bulletin")
  void userTextStaysText() {
    String hostile = "[点我](http://e.vil/x) ![i](http://e.vil/i.png) <@zhangsan> <at user_id=\"all\"></at>";
    java.util.List<Bulletin.Section> sections = new java.util.ArrayList<>(draft.sections());
    sections.add(new Bulletin.Section("工作动态", "●" + hostile + "。县水利局报送了材料。"));
    Bulletin b = new Bulletin(draft.period(), draft.title(), draft.preface(), draft.status(), draft.issueDate(),
        draft.rectificationDeadline(), sections, draft.tables(), List.of(hostile), List.of(hostile),
        draft.publication());
    TrackedItem.Finding f = new TrackedItem.Finding("", hostile, hostile, "x", LocalDate.of(2024, 5, 6),
        LocalDate.of(2024, 5, 11), TrackedItem.FindingState.OPEN, null);

    String published = ChatSummary.published(b, Optional.of("https://zwgk.example.gov.cn"), "dingtalk").markdown();
    String preview = ChatSummary.preview(b, List.of(f)).markdown();

    assertThat(published.split("\\]\\(", -1)).as("links and images: the chart and the full text only").hasSize(3);
    assertThat(published).contains("［点我］（http：//e.vil/x）").doesNotContain("http://e.vil", "<@", "<at");
    assertThat(preview).doesNotContain("](", "http://e.vil", "<@", "<at");
  }

  @Test
  @DisplayName("the preview starts with what is missing and the findings publication would create")
  void preview() {
    TrackedItem.Finding f = new TrackedItem.Finding("", "县卫健委", "栏目更新不及时", "工作动态逾期",
        LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 11), TrackedItem.FindingState.OPEN, null);

    String text = ChatSummary.preview(draft, List.of(f)).markdown();

    assertThat(text).startsWith("**【草稿预览】2024年4月政务公开月报**(尚未发布)\n\n- **缺少：网络问政信件数未录入");
    assertThat(text).contains("发布后将新增整改事项 1 条(整改期限 2024年5月11日):县卫健委(栏目更新不及时)",
        "确认无误后发送「月报 发布 2024-04」。");
  }
}
