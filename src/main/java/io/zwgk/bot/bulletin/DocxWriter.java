package io.zwgk.bot.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bulletin as a minimal WordprocessingML package written by hand (no POI): content types, package and document
 * relationships, core properties, styles (仿宋 body, 宋体 title, 黑体 headings, A4 with official-document margins) and
 * the document — title, masthead (第N期, issuer and issue date), sections, attachment list, each attachment table on
 * its own page, then the corrections sent after publication. Elements follow the
 * schema's order, which Word insists on. Opens in Word, WPS and LibreOffice.
 */
final class DocxWriter {
  static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final int[] COLUMNS = {3444, 1350, 1350, 1350, 1350};

  private DocxWriter() {
  }

  static byte[] docx(Bulletin b) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", DocxParts.CONTENT_TYPES);
    parts.put("_rels/.rels", DocxParts.PACKAGE_RELS);
    parts.put("docProps/core.xml", DocxParts.core(esc(b.title())));
    parts.put("word/_rels/document.xml.rels", DocxParts.DOCUMENT_RELS);
    parts.put("word/styles.xml", DocxParts.STYLES);
    parts.put("word/document.xml", document(b));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String document(Bulletin b) {
    StringBuilder body = new StringBuilder();
    paragraph(body, "Title", b.title());
    if (b.number() > 0) {
      paragraph(body, "Masthead", Masthead.number(b));
    }
    paragraph(body, "Masthead", Masthead.issueLine(b));
    if (!b.preface().isBlank()) {
      paragraph(body, null, b.preface());
    }
    for (Bulletin.Section s : b.sections()) {
      paragraph(body, "Heading1", "[" + s.title() + "]");
      s.paragraphs().forEach(p -> paragraph(body, null, p));
    }
    if (!b.tables().isEmpty()) {
      FullText.attachmentList(b.tables()).lines().forEach(l -> paragraph(body, null, l));
    }
    for (Bulletin.Table t : b.tables()) {
      body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
      paragraph(body, "AttachmentLabel", t.label());
      paragraph(body, "TableTitle", t.title());
      table(body, t);
      body.append("<w:p/>");
    }
    corrections(body, b);
    return XML + "<w:document xmlns:w=\"" + W + "\"><w:body>" + body
        + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\""
        + " w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>";
  }

  /** The corrections after the original text, from a new page: heading, text, signature. */
  private static void corrections(StringBuilder body, Bulletin b) {
    if (!b.corrections().isEmpty()) {
      body.append("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    }
    for (Correction c : b.corrections()) {
      paragraph(body, "Heading1", c.heading());
      c.text().lines().filter(l -> !l.isBlank()).forEach(l -> paragraph(body, null, l));
      paragraph(body, "Signature", Masthead.signature(b, c));
    }
  }

  private static void paragraph(StringBuilder out, String style, String text) {
    out.append("<w:p>");
    if (style != null) {
      out.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
    }
    out.append(run(text)).append("</w:p>");
  }

  private static String run(String text) {
    return "<w:r><w:t xml:space=\"preserve\">" + esc(text) + "</w:t></w:r>";
  }

  private static void table(StringBuilder out, Bulletin.Table t) {
    out.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(sum()).append("\" w:type=\"dxa\"/><w:jc w:val=\"center\"/>")
        .append("<w:tblBorders>");
    for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
      out.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
    }
    out.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
    for (int width : COLUMNS) {
      out.append("<w:gridCol w:w=\"").append(width).append("\"/>");
    }
    out.append("</w:tblGrid>");
    row(out, t.headers(), true);
    t.rows().forEach(r -> row(out, r.cells(), false));
    out.append("</w:tbl>");
  }

  private static void row(StringBuilder out, List<String> cells, boolean header) {
    out.append("<w:tr>").append(header ? "<w:trPr><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>");
    for (int i = 0; i < cells.size(); i++) {
      String align = header ? "center" : i == 0 ? "left" : "right";
      out.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(COLUMNS[i]).append("\" w:type=\"dxa\"/>")
          .append("<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"")
          .append(align).append("\"/></w:pPr>")
          .append(header ? "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" + esc(cells.get(i)) + "</w:t></w:r>"
              : run(cells.get(i)))
          .append("</w:p></w:tc>");
    }
    out.append("</w:tr>");
  }

  private static int sum() {
    int total = 0;
    for (int w : COLUMNS) {
      total += w;
    }
    return total;
  }

  /** XML-escapes text and drops characters XML 1.0 does not allow. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c == 0x9 || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000) {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

}
