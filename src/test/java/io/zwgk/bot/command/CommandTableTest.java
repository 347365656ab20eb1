package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.access.Action;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CommandTableTest {

  @Test
  @DisplayName("every word a family declares, written with the family's example arguments, parses into that family")
  void everyWordParsesIntoItsFamily() {
    for (CommandFamily family : CommandTable.FAMILIES) {
      Set<Class<?>> types = family.commands().stream().map(CommandSpec::type).collect(Collectors.toSet());
      String example = family.commands().get(0).example();
      String arguments = example.substring(family.words().get(0).length());
      for (String word : family.words()) {
        assertThat(CommandParser.parse(word + arguments).getClass()).as(word + arguments).isIn(types);
      }
    }
  }

  @Test
  @DisplayName("帮助 shows every help line of the table, the office's commands after their heading")
  void helpIsTheTable() {
    String help = CommandTable.help();
    List<CommandSpec<?>> specs = CommandTable.specs();
    specs.stream().filter(s -> !s.help().isEmpty()).forEach(s -> assertThat(help).contains(s.help()));
    int heading = help.indexOf("以下县政务公开办使用：");
    assertThat(heading).isPositive();
    specs.stream().filter(s -> !s.help().isEmpty()).forEach(s -> assertThat(help.indexOf(s.help()) > heading)
        .as(s.help()).isEqualTo(s.action().rule() == Action.Rule.OFFICE));
  }

  @Test
  @DisplayName("a text that starts with a command word goes to that word's family, not to a grammar that reads "
      + "anything ending in 完成率 or 排名")
  void leadingWordWins() {
    assertThat(CommandParser.parse("月报 添加 工作动态 全县完成率排名第一")).isInstanceOf(Command.BulletinAdd.class);
    assertThat(CommandParser.parse("绑定 水利局完成率")).isEqualTo(new Command.Bind("水利局完成率"));
    assertThat(CommandParser.parse("完成率排名")).isEqualTo(new Command.Ranking(java.util.Optional.empty()));
    assertThat(CommandParser.parse("水利局完成率")).isEqualTo(Command.Completion.of("水利局"));
    assertThat(CommandParser.parse("整改问题")).isEqualTo(new Command.Findings());
    assertThat(CommandParser.parse("县直末五位")).isEqualTo(new Command.BottomFive());
  }
}
