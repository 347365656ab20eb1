package io.zwgk.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
    "[点我](http://e.vil/x)", "![x](http://e.vil/a.png)", "<@zhangsan> 请看", "<at user_id=\"all\"></at>",
    "<at id=all></at>", "@13800000000 @all", "<a href=\"http://e.vil\">官网</a>", "<font color=\"warning\">紧急</font>",
    "http://e.vil/x 或 HTTPS://E.VIL", "www.e.vil", "县水利局\n# 标题\n> 引用\n- 列表",
    "**粗体** _斜体_ `代码` ~~删除~~ | 表 |", "[点我][1]\n[1]: http://e.vil", "\\[转义\\](http://e.vil)"})
  @DisplayName("user text keeps no character that opens a link, image, mention, HTML tag, format or new line")
  void noMarkupLeft(String hostile) {
    String literal = Markdown.literal(hostile);

    assertThat(literal).doesNotContain("[", "]", "(", ")", "<", ">", "@", "!", "*", "_", "`", "~", "|", "#", "\\",
        "://", "\n", "\r").doesNotContainPattern("(?i)www\\.");
  }

  @Test
  @DisplayName("the text stays readable: markup characters become their full-width twins, blanks one space")
  void readable() {
    assertThat(Markdown.literal("[点我](http://e.vil/x)")).isEqualTo("［点我］（http：//e.vil/x）");
    assertThat(Markdown.literal(" 县水利局\n\n# 标题 ")).isEqualTo("县水利局 ＃ 标题");
    assertThat(Markdown.literal("<@zhangsan>")).isEqualTo("＜＠zhangsan＞");
    assertThat(Markdown.literal("县委办（县政府办）2024.5 第3期")).isEqualTo("县委办（县政府办）2024.5 第3期");
    assertThat(Markdown.literal(null)).isEmpty();
  }
}
