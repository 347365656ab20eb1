package io.zwgk.bot.bulletin;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.TrackedItem;
import java.util.List;
import java.util.Optional;

/**
 * The bulletin as a chat message in the markdown subset every platform renders (headings, bold, links); the outbox
 * splits it to each platform's size. Every text of the bulletin (titles, paragraphs with their units and narrative
 * items, notes) is made {@linkplain Markdown#literal literal}: only the heading, bold and the full-text link and chart
 * made here are markup. The attachment tables stay in the full document, which the message links to.
 */
final class ChatSummary {
  private ChatSummary() {
  }

  /**
   * What the broadcast groups receive on publication. With a public URL the message links the full bulletin, and on
   * DingTalk, whose markdown shows images by URL, it also shows the completion-ratio chart.
   */
  static OutboundMessage published(Bulletin b, Optional<String> publicUrl, String platform) {
    StringBuilder out = body(b);
    out.append("**附件**:").append(tableTitles(b)).append("见全文");
    publicUrl.ifPresent(url -> {
      if ("dingtalk".equals(platform)) {
        out.append("\n\n![各单位完成比例与时序进度](").append(link(url, b)).append("/chart.png)");
      }
      out.append("\n\n[查看全文 / 下载 Word、Excel](").append(link(url, b)).append(')');
    });
    return OutboundMessage.of(lit(b.title()), out.toString());
  }

  /** What the office groups receive on 预览: the draft, what it lacks, and the findings publication would create. */
  static OutboundMessage preview(Bulletin b, List<TrackedItem.Finding> findings) {
    StringBuilder out = new StringBuilder("**【草稿预览】" + lit(b.title()) + "**(尚未发布)\n\n");
    if (b.missing().isEmpty() && b.notes().isEmpty()) {
      out.append("内容齐全。\n\n");
    }
    b.missing().forEach(m -> out.append("- **").append(lit(m)).append("**\n"));
    b.notes().forEach(n -> out.append("- ").append(lit(n)).append('\n'));
    out.append(findings.isEmpty() ? "\n发布后不会新增整改事项。\n\n"
        : "\n发布后将新增整改事项 " + findings.size() + " 条(整改期限 " + Narrative.day(b.rectificationDeadline()) + "):"
            + String.join("、", findings.stream().map(f -> lit(f.unit()) + "(" + lit(f.category()) + ")").toList()) + "\n\n");
    out.append("---\n\n").append(body(b));
    out.append("确认无误后发送「月报 发布 ").append(b.period()).append("」。");
    return OutboundMessage.of("【草稿预览】" + lit(b.title()), out.toString());
  }

  private static StringBuilder body(Bulletin b) {
    StringBuilder out = new StringBuilder("## ").append(lit(b.title())).append("\n\n");
    if (!b.preface().isBlank()) {
      out.append(lit(b.preface())).append("\n\n");
    }
    for (Bulletin.Section s : b.sections()) {
      out.append("### [").append(lit(s.title())).append("]\n\n");
      s.paragraphs().forEach(p -> out.append(lit(p)).append("\n\n"));
    }
    return out;
  }

  private static String tableTitles(Bulletin b) {
    return b.tables().isEmpty() ? "统计表" : String.join("、", b.tables().stream().map(Bulletin.Table::title).map(ChatSummary::lit).toList());
  }

  private static String lit(String text) {
    return Markdown.literal(text);
  }

  static String link(String publicUrl, Bulletin b) {
    return publicUrl.replaceAll("/+$", "") + "/bulletins/" + b.period();
  }
}
