package io.zwgk.bot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeTest {
  @Test
  @DisplayName("the README's configuration table lists every environment variable with its default")
  void readmeDocumentsEveryVariable() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    for (EnvVar v : Settings.ALL_VARIABLES) {
      String defaultCell = v.defaultValue().isEmpty() ? "(unset)" : "`" + v.defaultValue() + "`";
      assertThat(readme).as(v.name()).contains("| `" + v.name() + "` | " + defaultCell + " |");
    }
  }

  @Test
  @DisplayName("the README starts with the two set-up commands, and .ci/run runs the same test command")
  void setupCommands() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    assertThat(readme.lines().limit(6)).anyMatch(l -> l.startsWith("mvn -B package -DskipTests && java -jar target/zwgk-bot.jar"))
        .anyMatch(l -> l.startsWith("mvn -B verify"));
    assertThat(Files.readString(Path.of(".ci/run"))).contains("mvn -B verify");
  }
}
