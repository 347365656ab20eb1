package io.zwgk.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.access.Action;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every entry of {@link CommandTable} has an example that parses to its command and is answered by its handler, and
 * every kind of {@link Command} has an entry: a command added to the sealed interface without one fails here (a
 * forgotten dispatch branch used to answer users 「数据服务暂不可用」).
 */
@ExtendWith(RedisServerExtension.class)
class EveryCommandIT {
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private static List<Class<?>> leaves(Class<?> type) {
    List<Class<?>> out = new ArrayList<>();
    for (Class<?> sub : type.getPermittedSubclasses()) {
      if (sub.isSealed()) {
        out.addAll(leaves(sub));
      } else {
        out.add(sub);
      }
    }
    return out;
  }

  @Test
  @DisplayName("every kind of command has a table entry whose example parses to it and gets a real answer")
  void everyCommandParsesAndDispatches() {
    List<CommandSpec<?>> specs = CommandTable.specs();
    assertThat(specs.stream().<Class<?>>map(CommandSpec::type).distinct().toList()).as("an entry for every kind of command")
        .containsExactlyInAnyOrderElementsOf(leaves(Command.class));
    CommandService commands = app.app.services().commands();
    for (CommandSpec<?> spec : specs) {
      assertThat(CommandParser.parse(spec.example())).as(spec.example()).isInstanceOf(spec.type());
      String answer = commands.handle(new CommandRequest("dingtalk", "u1", "张三", spec.example())).await().text();
      assertThat(answer).as(spec.example()).isNotBlank().doesNotContain("处理出错")
          .doesNotContain(CommandService.UNAVAILABLE);
    }
  }

  @Test
  @DisplayName("a non-staff sender is refused every office command, in the words of its family, before any work")
  void officeCommandsRefused() {
    CommandService commands = app.app.services().commands();
    for (CommandFamily family : CommandTable.FAMILIES) {
      for (CommandSpec<?> spec : family.commands()) {
        if (spec.action().rule() == Action.Rule.OFFICE) {
          String answer = commands.handle(new CommandRequest("dingtalk", "u1", "张三", spec.example())).await().text();
          assertThat(answer).as(spec.example()).isEqualTo(family.refusal());
        }
      }
    }
  }
}
