package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageTextTest {
  @Test
  @DisplayName("one line per block, blanks folded, zero-width characters inside words dropped, full-width forms kept")
  void linesSpacedAndVisible() {
    String html = "<div><p>信丰县\u200B政务\uFEFF公开</p><p>联系电话：\u3000 0797-1234567 </p><td>a\u00A0\u00A0b</td></div>";

    assertThat(PageText.of(Jsoup.parse(html).body())).isEqualTo("信丰县政务公开\n联系电话： 0797-1234567\na b");
  }
}
