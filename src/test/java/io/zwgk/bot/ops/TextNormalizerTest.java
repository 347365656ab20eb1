package io.zwgk.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test
  @DisplayName("widthFolded: full-width letters, digits, punctuation and the ideographic space become ASCII")
  void widthFolded() {
    assertThat(TextNormalizer.widthFolded("ＡＢＣ１２３（）＠　完成率")).isEqualTo("ABC123()@ 完成率");
    assertThat(TextNormalizer.widthFolded(null)).isEmpty();
  }

  @Test
  @DisplayName("simplified: traditional characters read as simplified, others unchanged")
  void simplified() {
    assertThat(TextNormalizer.simplified("農業農村局 幫助 鄉鎮 ok")).isEqualTo("农业农村局 帮助 乡镇 ok");
    assertThat(TextNormalizer.simplified(null)).isEmpty();
  }

  @Test
  @DisplayName("visible: zero-width space, joiners, word joiner and BOM go; spaces stay")
  void visible() {
    assertThat(TextNormalizer.visible("\uFEFF水\u200B利\u200C局\u200D \u2060完成率")).isEqualTo("水利局 完成率");
  }

  @Test
  @DisplayName("spaced: runs of any blank (tab, line break, no-break, ideographic) become one space, ends trimmed")
  void spaced() {
    assertThat(TextNormalizer.spaced(" \t完成率\u00A0\u3000\n 水利\u200B局 \r\n")).isEqualTo("完成率 水利局");
    assertThat(TextNormalizer.spaced("\u200B \u3000")).isEmpty();
  }

  @Test
  @DisplayName("unspaced: every blank and invisible character goes")
  void unspaced() {
    assertThat(TextNormalizer.unspaced(" 县 水利\u3000局\u200B\n")).isEqualTo("县水利局");
    assertThat(TextNormalizer.unspaced("1 234\u00A0567")).isEqualTo("1234567");
  }

  @Test
  @DisplayName("message: a chat text folded, simplified and spaced, as commands are parsed")
  void message() {
    assertThat(TextNormalizer.message("＠機器人　\u200B完成率  水利局")).isEqualTo("@机器人 完成率 水利局");
  }
}
