package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** 第N期, the county, the issuer and the issue date in every document form, and corrections after the original. */
class MastheadTest {
  private static final LocalDate ISSUED = LocalDate.of(2024, 5, 6);
  private static final Publication BY_LI = new Publication(Instant.parse("2024-05-06T01:30:00Z"), "dingtalk",
      "manager1234", "李四", ISSUED, List.of("县直单位工作群"));

  private static Bulletin xinfeng() {
    return new BulletinComposer(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR,
        io.zwgk.bot.remind.ReminderRules.defaults(), SeedBulletin.BOT.units(), "信丰县")
        .compose(SeedBulletin.inputs(ISSUED, BulletinState.empty(SeedBulletin.APRIL), List.of())).numbered(4);
  }

  private static Correction correction(int n, String text) {
    return new Correction(n, text, LocalDate.of(2024, 5, 8), Instant.parse("2024-05-08T02:00:00Z"), "dingtalk",
        "manager1234", "李四");
  }

  @Test
  @DisplayName("the title names the county from office.yaml, the masthead the issuer; without a county neither does")
  void countyInTitle() {
    Bulletin b = xinfeng();

    assertThat(b.title()).isEqualTo("信丰县2024年4月政务公开月报");
    assertThat(b.issuer()).isEqualTo("信丰县政务公开办");
    assertThat(Masthead.issueLine(b)).isEqualTo("信丰县政务公开办　　2024年5月6日");
    assertThat(SeedBulletin.statsOnly(ISSUED).title()).isEqualTo("2024年4月政务公开月报");
    assertThat(SeedBulletin.BOT.county()).as("the repository's office.yaml").isEqualTo("信丰县");
  }

  @Test
  @DisplayName("the HTML page shows 第N期 and the issuer with the issue date under the title")
  void htmlMasthead() {
    String html = HtmlRenderer.page(xinfeng(), new byte[0]);

    assertThat(html).contains("<h1>信丰县2024年4月政务公开月报</h1>\n<p class=\"masthead\">第4期</p>\n"
        + "<p class=\"masthead\">信丰县政务公开办　　2024年5月6日</p>");
  }

  @Test
  @DisplayName("the .docx shows 第N期 and the issuer with the issue date right after the title")
  void docxMasthead() throws Exception {
    Document doc = DocxWriterTest.parse(DocxWriterTest.unzip(DocxWriter.docx(xinfeng())).get("word/document.xml"));

    String text = doc.getDocumentElement().getTextContent();
    assertThat(text).startsWith("信丰县2024年4月政务公开月报第4期信丰县政务公开办　　2024年5月6日编者按");
  }

  @Test
  @DisplayName("a bulletin without a number (published before numbering) prints no 第N期")
  void unnumbered() {
    Bulletin b = SeedBulletin.statsOnly(ISSUED);

    assertThat(b.number()).isZero();
    assertThat(HtmlRenderer.page(b, new byte[0])).doesNotContain("期</p>");
    assertThat(Masthead.titled(b)).isEqualTo("2024年4月政务公开月报");
  }

  @Test
  @DisplayName("corrections follow the original text in HTML and .docx, numbered 更正（一）, 更正（二）, with the day")
  void correctionsAfterTheOriginal() throws Exception {
    Bulletin b = xinfeng().published(BY_LI).corrected(List.of(correction(1, "附件1中县水利局已发布总数应为360条。"),
        correction(2, "第二处更正。")));

    String html = HtmlRenderer.page(b, new byte[0]);
    String docx = DocxWriterTest.parse(DocxWriterTest.unzip(DocxWriter.docx(b)).get("word/document.xml"))
        .getDocumentElement().getTextContent();

    assertThat(html.indexOf("<h2 class=\"correction\">更正（一）</h2>")).isGreaterThan(html.indexOf("铁石口镇政府"));
    assertThat(html).contains("<h2 class=\"correction\">更正（一）</h2>\n<p>附件1中县水利局已发布总数应为360条。</p>\n"
        + "<p class=\"signature\">信丰县政务公开办　　2024年5月8日</p>\n<h2 class=\"correction\">更正（二）</h2>");
    assertThat(docx).endsWith("更正（一）附件1中县水利局已发布总数应为360条。信丰县政务公开办　　2024年5月8日"
        + "更正（二）第二处更正。信丰县政务公开办　　2024年5月8日");
    assertThat(b.fullText()).as("the text as sent stays as it was").doesNotContain("更正");
  }

  @Test
  @DisplayName("corrections are headed with Chinese numerals: 一 … 十, 十一, 二十, 二十一")
  void numerals() {
    assertThat(Map.of(1, "更正（一）", 10, "更正（十）", 11, "更正（十一）", 20, "更正（二十）", 21, "更正（二十一）"))
        .allSatisfy((n, heading) -> assertThat(correction(n, "x").heading()).isEqualTo(heading));
  }

  @Test
  @DisplayName("number, issuer and corrections survive the JSON the store keeps and the API answers")
  void json() {
    Bulletin b = xinfeng().published(BY_LI).corrected(List.of(correction(1, "更正文字")));

    Bulletin back = BulletinJson.bulletin(BulletinJson.toJson(b));

    assertThat(back).isEqualTo(b);
    assertThat(back.publication().orElseThrow().groups()).containsExactly("县直单位工作群");
  }
}
