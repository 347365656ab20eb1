package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.stats.Category;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  @Test
  @DisplayName("完成率 with a unit names that unit")
  void completionWithUnit() {
    assertThat(CommandParser.parse("完成率 水利局")).isEqualTo(Command.Completion.of("水利局"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "@政务公开助手 完成率 水利局",
      "@政务公开助手 @另一个机器人 完成率 水利局",
      "  完成率   水利局  ",
      "　完成率　水利局　",
      "＠ＡＢ　完成率　水利局",
      "@政务公开助手\u2005完成率 水利局",
      "\u200B完成率 水利局\n",
      "完成率水利局",
      "完成率：水利局",
      "完成率「水利局」",
      "水利局完成率",
      "水利局的完成率",
  })
  @DisplayName("mentions, spaces, full-width characters and punctuation around the unit are tolerated")
  void tolerantCompletion(String text) {
    assertThat(CommandParser.parse(text)).isEqualTo(Command.Completion.of("水利局"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"完成率", "我的完成率", "@政务公开助手 我的完成率", "本单位完成率", "我的 完成率", "完成率 本单位"})
  @DisplayName("完成率 without a unit, or with 我的/本单位, means the sender's bound unit")
  void ownCompletion(String text) {
    assertThat(CommandParser.parse(text)).isEqualTo(Command.Completion.ofMine());
  }

  @Test
  @DisplayName("full-width letters and digits become ASCII, U+3000 becomes a space, mentions are dropped")
  void normalize() {
    assertThat(CommandParser.normalize("＠ＡＢ　完成率　ＸＹ１２３　")).isEqualTo("完成率 XY123");
    assertThat(CommandParser.normalize("@机器人")).isEmpty();
    assertThat(CommandParser.normalize(null)).isEmpty();
  }

  @Test
  @DisplayName("排名 without a category asks for both lists, with one asks for that category")
  void ranking() {
    assertThat(CommandParser.parse("排名")).isEqualTo(new Command.Ranking(Optional.empty()));
    assertThat(CommandParser.parse("排名 县直单位")).isEqualTo(new Command.Ranking(Optional.of(Category.COUNTY_DEPT)));
    assertThat(CommandParser.parse("排名　乡镇")).isEqualTo(new Command.Ranking(Optional.of(Category.TOWNSHIP)));
    assertThat(CommandParser.parse("排名 乡（镇）")).isEqualTo(new Command.Ranking(Optional.of(Category.TOWNSHIP)));
    assertThat(CommandParser.parse("乡镇排名")).isEqualTo(new Command.Ranking(Optional.of(Category.TOWNSHIP)));
    assertThat(CommandParser.parse("县直单位完成率排名")).isEqualTo(new Command.Ranking(Optional.of(Category.COUNTY_DEPT)));
    assertThat(CommandParser.parse("完成率排名")).isEqualTo(new Command.Ranking(Optional.empty()));
  }

  @Test
  @DisplayName("排名 followed by a unit name asks for that unit's completion, which shows its rank")
  void rankingOfUnit() {
    assertThat(CommandParser.parse("排名 水利局")).isEqualTo(Command.Completion.of("水利局"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"末五位", "县直单位末五位", "末５位", " @机器人 后五名 "})
  @DisplayName("末五位 and its variants ask for the bottom five county departments")
  void bottomFive(String text) {
    assertThat(CommandParser.parse(text)).isEqualTo(new Command.BottomFive());
  }

  @Test
  @DisplayName("概况, 绑定 and 解绑 are recognised; 绑定 keeps the unit as typed")
  void otherCommands() {
    assertThat(CommandParser.parse("概况")).isEqualTo(new Command.Overview());
    assertThat(CommandParser.parse("信息发布情况")).isEqualTo(new Command.Overview());
    assertThat(CommandParser.parse("绑定 大阿镇")).isEqualTo(new Command.Bind("大阿镇"));
    assertThat(CommandParser.parse("绑定单位：县水利局")).isEqualTo(new Command.Bind("县水利局"));
    assertThat(CommandParser.parse("解绑")).isEqualTo(new Command.Unbind());
    assertThat(CommandParser.parse("取消绑定")).isEqualTo(new Command.Unbind());
  }

  @ParameterizedTest
  @ValueSource(strings = {"帮助", "help", "ＨＥＬＰ", "?", "？", "菜单", "@机器人 帮助 完成率"})
  @DisplayName("帮助 and its variants ask for the full help")
  void help(String text) {
    assertThat(CommandParser.parse(text)).isEqualTo(new Command.Help());
  }

  @Test
  @DisplayName("an empty message, or one holding only the mention, is unknown with empty text")
  void empty() {
    assertThat(CommandParser.parse("")).isEqualTo(new Command.Unknown(""));
    assertThat(CommandParser.parse("@政务公开助手")).isEqualTo(new Command.Unknown(""));
    assertThat(CommandParser.parse(" @政务公开助手　")).isEqualTo(new Command.Unknown(""));
    assertThat(CommandParser.parse(null)).isEqualTo(new Command.Unknown(""));
  }

  @Test
  @DisplayName("unrecognised text, and 绑定 without a unit, are unknown and keep the normalised text")
  void unknown() {
    assertThat(CommandParser.parse("@政务公开助手 你好　ＡＢ")).isEqualTo(new Command.Unknown("你好 AB"));
    assertThat(CommandParser.parse("绑定")).isEqualTo(new Command.Unknown("绑定"));
  }

  @Test
  @DisplayName("a command word one character off is read as the closest command: 完成律 水利局 is 完成率, not a task")
  void typoInCommandWord() {
    assertThat(CommandParser.parse("完成律 水利局")).isEqualTo(Command.Completion.of("水利局"));
    assertThat(CommandParser.parse("我的完成律")).isEqualTo(Command.Completion.ofMine());
    assertThat(CommandParser.parse("暂停题醒 12 3")).isEqualTo(new Command.Snooze("12", 3));
    assertThat(CommandParser.parse("完成 标准目录")).isEqualTo(new Command.Complete("标准目录"));
    assertThat(CommandParser.parse("完成率水利局")).isEqualTo(Command.Completion.of("水利局"));
  }

  @Test
  @DisplayName("a mention glued to the command (@机器人完成率 水利局) is stripped and the command kept")
  void gluedMention() {
    assertThat(CommandParser.parse("@机器人完成率 水利局")).isEqualTo(Command.Completion.of("水利局"));
    assertThat(CommandParser.parse("@政务公开助手排名 乡镇")).isEqualTo(new Command.Ranking(Optional.of(
        io.zwgk.bot.stats.Category.TOWNSHIP)));
    assertThat(CommandParser.parse("@机器人 完成率 水利局")).isEqualTo(Command.Completion.of("水利局"));
    assertThat(CommandParser.parse("@政务公开检查助手 完成率 水利局")).as("a name containing a command word")
        .isEqualTo(Command.Completion.of("水利局"));
    assertThat(CommandParser.parse("@月报助手 @机器人帮助")).isEqualTo(new Command.Help());
  }

  @Test
  @DisplayName("traditional characters read as simplified: 完成率 農業農村局, 幫助, 排名 鄉鎮")
  void traditional() {
    assertThat(CommandParser.parse("完成率 農業農村局")).isEqualTo(Command.Completion.of("农业农村局"));
    assertThat(CommandParser.parse("幫助")).isEqualTo(new Command.Help());
    assertThat(CommandParser.parse("排名 鄉鎮")).isEqualTo(new Command.Ranking(Optional.of(
        io.zwgk.bot.stats.Category.TOWNSHIP)));
  }

  @Test
  @DisplayName("a statistics question may end in a month: 3月, 2024-03, 2024年3月, 上月, 本月")
  void months() {
    assertThat(CommandParser.parse("完成率 水利局 3月"))
        .isEqualTo(Command.Completion.of("水利局").in(new MonthQuery.OfYear(3)));
    assertThat(CommandParser.parse("完成率 水利局 2024-03"))
        .isEqualTo(Command.Completion.of("水利局").in(new MonthQuery.Exact(YearMonth.of(2024, 3))));
    assertThat(CommandParser.parse("排名 乡镇 上月")).isEqualTo(new Command.Ranking(Optional.of(
        io.zwgk.bot.stats.Category.TOWNSHIP), new MonthQuery.Back(1)));
    assertThat(CommandParser.parse("末五位 2024年3月"))
        .isEqualTo(new Command.BottomFive(new MonthQuery.Exact(YearMonth.of(2024, 3))));
    assertThat(CommandParser.parse("我的完成率 本月")).isEqualTo(Command.Completion.ofMine().in(new MonthQuery.Back(0)));
    assertThat(CommandParser.parse("概况 4月")).isEqualTo(new Command.Overview(new MonthQuery.OfYear(4)));
    assertThat(CommandParser.parse("完成率 水利局 13月")).as("not a month: part of the unit query")
        .isEqualTo(Command.Completion.of("水利局 13月"));
  }
}
