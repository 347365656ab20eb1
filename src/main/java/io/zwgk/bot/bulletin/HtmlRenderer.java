package io.zwgk.bot.bulletin;

import java.util.Base64;

/**
 * The bulletin as one printable HTML page: title, masthead (第N期, issuer and issue date), status, sections, both
 * attachment tables and the chart embedded as a data URI (so the page needs no second, authenticated request and can
 * be saved whole), then the corrections sent after publication. Every text is escaped.
 */
final class HtmlRenderer {
  private static final String STYLE = """
      body{font-family:"FangSong","仿宋","STFangsong","SimSun","Songti SC",serif;font-size:16px;line-height:1.8;\
      max-width:900px;margin:2em auto;padding:0 1em;color:#000}
      h1{font-family:"SimSun","宋体","Songti SC",serif;text-align:center;font-size:26px}
      h2{font-family:"SimHei","黑体","Heiti SC",sans-serif;font-size:18px;margin-top:1.5em}
      p{text-indent:2em;margin:.4em 0}
      .status{text-align:center;text-indent:0;color:#555}
      .masthead{text-align:center;text-indent:0}
      .signature{text-align:right;text-indent:0}
      .missing{color:#b00}
      table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em;font-size:14px;page-break-inside:auto}
      th,td{border:1px solid #000;padding:2px 6px}
      td.num{text-align:right}
      tr{page-break-inside:avoid}
      figure{margin:1em 0;text-align:center}
      img{max-width:100%}
      @media print{body{margin:0;max-width:none}.status{display:none}}
      """;

  private HtmlRenderer() {
  }

  /** The page; {@code chartPng} is embedded as the figure. */
  static String page(Bulletin b, byte[] chartPng) {
    StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(esc(b.title())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n<h1>").append(esc(b.title())).append("</h1>\n");
    if (b.number() > 0) {
      out.append("<p class=\"masthead\">").append(esc(Masthead.number(b))).append("</p>\n");
    }
    out.append("<p class=\"masthead\">").append(esc(Masthead.issueLine(b))).append("</p>\n");
    out.append("<p class=\"status\">").append(esc(status(b))).append("</p>\n");
    b.missing().forEach(m -> out.append("<p class=\"status missing\">").append(esc(m)).append("</p>\n"));
    if (!b.preface().isBlank()) {
      out.append("<p>").append(esc(b.preface())).append("</p>\n");
    }
    for (Bulletin.Section s : b.sections()) {
      out.append("<h2>[").append(esc(s.title())).append("]</h2>\n");
      s.paragraphs().forEach(p -> out.append("<p>").append(esc(p)).append("</p>\n"));
    }
    if (!b.tables().isEmpty()) {
      FullText.attachmentList(b.tables()).lines()
          .forEach(l -> out.append("<p>").append(esc(l)).append("</p>\n"));
    }
    b.tables().forEach(t -> table(out, t));
    if (!b.tables().isEmpty()) {
      out.append("<figure><img alt=\"").append(esc(b.title() + " 各单位完成比例与时序进度"))
          .append("\" src=\"data:image/png;base64,")
          .append(Base64.getEncoder().encodeToString(chartPng)).append("\"></figure>\n");
    }
    for (Correction c : b.corrections()) {
      out.append("<h2 class=\"correction\">").append(esc(c.heading())).append("</h2>\n");
      c.text().lines().filter(l -> !l.isBlank()).forEach(l -> out.append("<p>").append(esc(l)).append("</p>\n"));
      out.append("<p class=\"signature\">").append(esc(Masthead.signature(b, c))).append("</p>\n");
    }
    return out.append("</body>\n</html>\n").toString();
  }

  private static String status(Bulletin b) {
    return b.publication().map(p -> "已于" + Narrative.day(p.issueDate()) + "印发；整改期限 "
            + Narrative.day(b.rectificationDeadline()))
        .orElse("草稿(未发布)，生成于" + Narrative.day(b.issueDate()));
  }

  private static void table(StringBuilder out, Bulletin.Table t) {
    out.append("<h2>").append(esc(t.label())).append("</h2>\n<table>\n<caption>").append(esc(t.title()))
        .append("</caption>\n<thead><tr>");
    t.headers().forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (Bulletin.Row r : t.rows()) {
      out.append("<tr>");
      var cells = r.cells();
      for (int i = 0; i < cells.size(); i++) {
        out.append(i == 0 ? "<td>" : "<td class=\"num\">").append(esc(cells.get(i))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
