package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {
  @Test
  @DisplayName("the page holds both tables with every unit's row and the chart as an embedded PNG")
  void tablesAndChart() {
    Bulletin b = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6));

    String html = HtmlRenderer.page(b, new byte[] {1, 2, 3});

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">", "<title>2024年4月政务公开月报</title>");
    assertThat(html.split("<table>", -1)).hasSize(3);
    assertThat(html).contains("<th>4月发布条数</th>",
        "<tr><td>县农业农村局</td><td class=\"num\">550</td><td class=\"num\">631</td><td class=\"num\">153</td>"
            + "<td class=\"num\">114.73</td></tr>",
        "<tr><td>铁石口镇政府</td><td class=\"num\">560</td><td class=\"num\">359</td><td class=\"num\">103</td>"
            + "<td class=\"num\">64.11</td></tr>",
        "src=\"data:image/png;base64,AQID\"", "<h2>[基本情况]</h2>", "累计主动公开政府信息20160条", "草稿(未发布)");
    assertThat(html.split("<tr><td>", -1)).hasSize(57);
  }

  @Test
  @DisplayName("staff text is escaped: a script typed into an item shows as text")
  void escapes() {
    BulletinState state = new BulletinState(SeedBulletin.APRIL, List.of(SeedBulletin.item("1", "工作动态",
        "<script>alert('x')</script> & \"quoted\"")), Map.of(), Optional.empty());
    Bulletin b = SeedBulletin.composer().compose(SeedBulletin.inputs(LocalDate.of(2024, 5, 6), state, List.of()));

    String html = HtmlRenderer.page(b, new byte[0]);

    assertThat(html).doesNotContain("<script>").contains(
        "<p>●&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</p>");
  }
}
