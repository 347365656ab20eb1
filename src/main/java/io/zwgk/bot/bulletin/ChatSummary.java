package io.zwgk.bot.bulletin;

import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.remind.TrackedItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The bulletin as a chat message in the markdown subset every platform renders (headings, bold, links). Every text of
 * the bulletin (titles, paragraphs with their units and narrative items, notes) is made {@linkplain Markdown#literal
 * literal}: only the headings, bold and the links and chart made here are markup. The attachment tables stay in the
 * full document, which the published message links to.
 */
final class ChatSummary {
  private ChatSummary() {
  }

  /**
   * What a broadcast group receives on publication: the title, the month's headline figures (the first paragraph,
   * ●信息发布情况), then one line per unit the bulletin holds to account, for a group of some units its own units
   * first, each with what the bulletin says of it; the people of the units the group covers are @-mentioned. With a
   * public URL the message fits one message of the group's platform (lines that do not fit are counted, not shown)
   * and ends with links to the full text, the Word document and the Excel tables (on DingTalk, whose markdown shows
   * images by URL, the completion-ratio chart too). Without one nothing else shows the bulletin, so the full text
   * follows the lines and the outbox splits the message to the platform's size.
   */
  static OutboundMessage published(Bulletin b, Accountable named, Audience to, Optional<String> publicUrl) {
    String head = "## " + lit(b.title()) + "\n\n" + headline(b) + "\n\n";
    String tail = publicUrl.map(url -> links(b, url, to.group().platform()))
        .orElseGet(() -> "---\n\n" + document(b) + "**附件**:" + tableTitles(b) + "见全文");
    int budget = publicUrl.isPresent() ? to.textBytes() - bytes(head) - bytes(tail) - 2 : Integer.MAX_VALUE;
    String text = head + UnitLines.of(b, named, to, budget) + "\n" + tail;
    return new OutboundMessage(lit(b.title()), text, to.userIds(), to.mobiles());
  }

  private static String headline(Bulletin b) {
    return b.sections().isEmpty() || b.sections().get(0).paragraphs().isEmpty() ? lit(b.preface())
        : lit(b.sections().get(0).paragraphs().get(0));
  }

  private static String links(Bulletin b, String publicUrl, String platform) {
    String page = link(publicUrl, b);
    if ("feishu".equals(platform)) {
      return "查看全文：" + page + "\n下载 Word：" + page + ".docx\n下载统计表(Excel)：" + page + ".xlsx";
    }
    String links = "[查看全文](" + page + ") · [下载 Word](" + page + ".docx) · [下载统计表(Excel)](" + page + ".xlsx)";
    return "dingtalk".equals(platform) ? "![各单位完成比例与时序进度](" + page + "/chart.png)\n\n" + links : links;
  }

  static int bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
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
    return new StringBuilder("## ").append(lit(b.title())).append("\n\n").append(document(b));
  }

  /** The preface and every section, without the title. */
  private static StringBuilder document(Bulletin b) {
    StringBuilder out = new StringBuilder();
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

  static String lit(String text) {
    return Markdown.literal(text);
  }

  static String link(String publicUrl, Bulletin b) {
    return publicUrl.replaceAll("/+$", "") + "/bulletins/" + b.period();
  }
}
