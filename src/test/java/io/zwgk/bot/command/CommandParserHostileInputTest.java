package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.testing.Fuzz;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Fault drill: hostile text reaches the command parser, which always answers a command and never throws. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CommandParserHostileInputTest {
  private static final String[] PREFIXES = {"", "完成率 ", "完成率", "我的完成率", "排名 ", "排名", "县直排名", "绑定 ",
      "绑定单位", "解绑", "工作日 ", "工作日 2024-04-30 ", "待办 ", "逾期", "问题 ", "整改 ", "复核 ", "完成 ", "栏目 ",
      "收到 ", "暂停提醒 ", "帮助", "@机器人 ", "\u200B完成率\uFEFF "};
  private static final String[] SUFFIXES = {"", "的完成率", "完成率", "排名", "的排名", " 已更新", "完成情况", "天"};

  @Test
  @DisplayName("hostile text alone and around every command word: a command, never an exception")
  void parsesEverything() {
    Fuzz.cases(50_000, 1_500, in -> {
      String text = PREFIXES[in.random().nextInt(PREFIXES.length)] + in.text()
          + SUFFIXES[in.random().nextInt(SUFFIXES.length)];
      assertThat(CommandParser.parse(text)).isNotNull();
    });
    Fuzz.cases(53_000, 300, in -> assertThat(CommandParser.parse(in.mixed(1 + in.random().nextInt(8)))).isNotNull());
  }
}
