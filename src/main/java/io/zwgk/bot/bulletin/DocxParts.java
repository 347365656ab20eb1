package io.zwgk.bot.bulletin;

/** The fixed parts of the {@code .docx} package: content types, relationships, core properties, styles. */
final class DocxParts {
  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  static final String CONTENT_TYPES = XML
      + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
      + ".wordprocessingml.document.main+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
      + ".wordprocessingml.styles+xml\"/>"
      + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package"
      + ".core-properties+xml\"/>"
      + "</Types>";

  static final String PACKAGE_RELS = XML + "<Relationships xmlns=\"" + RELS + "\">"
      + "<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "/officeDocument\" Target=\"word/document.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"" + RELS + "/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
      + "</Relationships>";

  static final String DOCUMENT_RELS = XML + "<Relationships xmlns=\"" + RELS + "\">"
      + "<Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "/styles\" Target=\"styles.xml\"/>"
      + "</Relationships>";

  static final String STYLES = XML
      + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr>"
      + "<w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"仿宋\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\""
      + " w:hint=\"eastAsia\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>"
      + "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/></w:pPr></w:pPrDefault>"
      + "</w:docDefaults>"
      + style("Normal", "Normal", null, " w:default=\"1\"",
          "<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>")
      + style("Title", "Title", "Normal", "",
          "<w:pPr><w:spacing w:before=\"240\" w:after=\"480\" w:line=\"240\" w:lineRule=\"auto\"/>"
              + "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>"
              + "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\" w:hAnsi=\"Times New Roman\""
              + " w:hint=\"eastAsia\"/><w:b/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr>")
      + style("Masthead", "Masthead", "Normal", "",
          "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/></w:pPr>")
      + style("Signature", "Signature", "Normal", "",
          "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/></w:pPr>")
      + style("Heading1", "heading 1", "Normal", "",
          "<w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr>"
              + "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"黑体\" w:hAnsi=\"Times New Roman\""
              + " w:hint=\"eastAsia\"/></w:rPr>")
      + style("AttachmentLabel", "Attachment Label", "Normal", "",
          "<w:pPr><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr>"
              + "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"黑体\" w:hAnsi=\"Times New Roman\""
              + " w:hint=\"eastAsia\"/></w:rPr>")
      + style("TableTitle", "Table Title", "Normal", "",
          "<w:pPr><w:spacing w:after=\"240\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
              + "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\""
              + " w:hAnsi=\"Times New Roman\" w:hint=\"eastAsia\"/><w:b/><w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>"
              + "</w:rPr>")
      + style("TableText", "Table Text", "Normal", "",
          "<w:pPr><w:spacing w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>"
              + "</w:pPr><w:rPr><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr>")
      + "</w:styles>";

  private DocxParts() {
  }

  private static String style(String id, String name, String basedOn, String extra, String properties) {
    return "<w:style w:type=\"paragraph\"" + extra + " w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>"
        + (basedOn == null ? "" : "<w:basedOn w:val=\"" + basedOn + "\"/>") + "<w:qFormat/>" + properties
        + "</w:style>";
  }

  /** Core properties naming the document; {@code escapedTitle} must already be XML-escaped. */
  static String core(String escapedTitle) {
    return XML + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
        + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
        + "<dc:title>" + escapedTitle + "</dc:title><dc:creator>zwgk-bot</dc:creator></cp:coreProperties>";
  }
}
