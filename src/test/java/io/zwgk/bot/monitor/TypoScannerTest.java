package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.monitor.TypoScanner.Hit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TypoScannerTest {
  private static final Map<String, String> DICTIONARY = new LinkedHashMap<>(Map.of("攻府", "政府", "李克", "李克强",
      "扫黑险恶", "扫黑除恶"));

  @Test
  @DisplayName("a wrong form is a hit with its whole sentence and its count")
  void hit() {
    String text = "近日，县攻府召开常务会议。会议强调要深入推进扫黑险恶常态化！县攻府各部门要落实。";

    assertThat(TypoScanner.find(text, DICTIONARY)).containsExactlyInAnyOrder(
        new Hit("攻府", "政府", "近日，县攻府召开常务会议。", 2),
        new Hit("扫黑险恶", "扫黑除恶", "会议强调要深入推进扫黑险恶常态化！", 1));
  }

  @Test
  @DisplayName("the right form itself is never flagged, even when it contains the wrong form")
  void protectedTerms() {
    assertThat(TypoScanner.find("李克强总理指出，县政府要扫黑除恶。", DICTIONARY)).isEmpty();
    assertThat(TypoScanner.find("李克同志", DICTIONARY)).extracting(Hit::wrong).containsExactly("李克");
  }

  @Test
  @DisplayName("a sentence is cut at line ends and shortened around the hit when very long")
  void sentences() {
    assertThat(TypoScanner.find("标题\n县攻府通知\n正文", DICTIONARY)).extracting(Hit::sentence)
        .containsExactly("县攻府通知");
    String longText = "甲".repeat(300) + "攻府" + "乙".repeat(300);
    String sentence = TypoScanner.find(longText, DICTIONARY).get(0).sentence();
    assertThat(sentence).contains("攻府").startsWith("…").endsWith("…").hasSizeLessThanOrEqualTo(122);
  }
}
