package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DocxWriterTest {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        parts.put(e.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  @Test
  @DisplayName("the .docx is a package of well-formed parts with the content types Word needs")
  void packageParts() throws Exception {
    Map<String, byte[]> parts = unzip(DocxWriter.docx(SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6))));

    assertThat(parts.keySet()).containsExactly("[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
        "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml");
    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
      assertThat(parse(part.getValue()).getDocumentElement()).as(part.getKey()).isNotNull();
    }
    String types = new String(parts.get("[Content_Types].xml"), StandardCharsets.UTF_8);
    assertThat(types).contains("PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
        + "officedocument.wordprocessingml.document.main+xml\"");
    assertThat(new String(parts.get("word/styles.xml"), StandardCharsets.UTF_8)).contains("w:eastAsia=\"仿宋\"",
        "w:eastAsia=\"宋体\"");
  }

  @Test
  @DisplayName("document.xml holds the seed's paragraph and both tables with the same numbers, cell by cell")
  void documentHoldsTheNumbers() throws Exception {
    Bulletin b = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));
    Document doc = parse(unzip(DocxWriter.docx(b)).get("word/document.xml"));

    NodeList tables = doc.getElementsByTagNameNS(W, "tbl");
    assertThat(tables.getLength()).isEqualTo(2);
    for (int t = 0; t < 2; t++) {
      List<List<String>> rows = rows((Element) tables.item(t));
      assertThat(rows.get(0)).containsExactly("单位名称", "本年度任务数", "已发布总数", "4月发布条数", "完成比例(%)");
      List<List<String>> expected = b.tables().get(t).rows().stream().map(Bulletin.Row::cells).toList();
      assertThat(rows.subList(1, rows.size())).containsExactlyElementsOf(expected);
    }
    assertThat(text(doc)).contains("累计主动公开政府信息20160条。4月份乡(镇)新增公开3652条、县直单位新增公开2162条。",
        "[工作要求]", "即2024年5月11日前");
  }

  @Test
  @DisplayName("text with XML metacharacters is escaped and stays well-formed")
  void escapes() throws Exception {
    Bulletin draft = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));
    Bulletin b = new Bulletin(draft.period(), "A&B <月报> \"x\" 'y'\u0001", "", draft.status(), draft.issueDate(),
        draft.rectificationDeadline(), List.of(new Bulletin.Section("工作动态", "●<script>alert(1)</script> & 更多")),
        draft.tables(), List.of(), List.of(), Optional.empty());

    Document doc = parse(unzip(DocxWriter.docx(b)).get("word/document.xml"));

    assertThat(text(doc)).contains("A&B <月报> \"x\" 'y'", "●<script>alert(1)</script> & 更多");
  }

  private static List<List<String>> rows(Element table) {
    List<List<String>> rows = new ArrayList<>();
    NodeList trs = table.getElementsByTagNameNS(W, "tr");
    for (int i = 0; i < trs.getLength(); i++) {
      NodeList tcs = ((Element) trs.item(i)).getElementsByTagNameNS(W, "tc");
      List<String> cells = new ArrayList<>();
      for (int j = 0; j < tcs.getLength(); j++) {
        cells.add(tcs.item(j).getTextContent());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static String text(Document doc) {
    NodeList ts = doc.getElementsByTagNameNS(W, "t");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < ts.getLength(); i++) {
      out.append(ts.item(i).getTextContent()).append('\n');
    }
    return out.toString();
  }
}
