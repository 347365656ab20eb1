package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NudgeScheduleTest {
  private static final String ENTRY = """
      nudge:
        cron: "30 9 * * *"
        firstWorkingDays: 5
      """;

  @TempDir
  Path dir;

  private Path edited(String from, String to) throws IOException {
    String text = Files.readString(SeedBulletin.CONFIG.resolve("bulletin").resolve(BulletinTemplates.FILE));
    assertThat(text).contains(from);
    Files.writeString(dir.resolve(BulletinTemplates.FILE), text.replace(from, to));
    return dir;
  }

  @Test
  @DisplayName("the repository's bulletin.yaml nudges at 09:30 on the first 5 working days, as before")
  void repositoryFile() {
    NudgeSchedule nudge = NudgeSchedule.load(SeedBulletin.CONFIG.resolve("bulletin"));

    assertThat(nudge).isEqualTo(NudgeSchedule.defaults());
    assertThat(nudge.cron()).hasToString("30 9 * * *");
    assertThat(nudge.firstWorkingDays()).isEqualTo(5);
    assertThat(BulletinTemplates.load(SeedBulletin.CONFIG.resolve("bulletin")).rectificationWorkingDays())
        .as("the wording's loader accepts the nudge entry").isEqualTo(5);
  }

  @Test
  @DisplayName("another time and number of days come from the file, without code")
  void edited() throws IOException {
    Path edited = edited(ENTRY, """
        nudge:
          cron: "0 14 * * *"
          firstWorkingDays: 3
        """);

    NudgeSchedule nudge = NudgeSchedule.load(edited);

    assertThat(nudge.cron()).hasToString("0 14 * * *");
    assertThat(nudge.firstWorkingDays()).isEqualTo(3);
  }

  @Test
  @DisplayName("without the nudge entry the defaults apply")
  void omitted() throws IOException {
    assertThat(NudgeSchedule.load(edited(ENTRY, ""))).isEqualTo(NudgeSchedule.defaults());
  }

  @Test
  @DisplayName("a bad cron, a day count out of range or an unknown field stops start-up, naming file and field")
  void errors() throws IOException {
    Path bad = edited(ENTRY, """
        nudge:
          cron: "30 25 * * *"
          firstWorkingDays: 40
        """);
    assertThatThrownBy(() -> NudgeSchedule.load(bad)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bulletin.yaml: nudge.cron: hour field \"25\"")
        .hasMessageContaining("bulletin.yaml: nudge.firstWorkingDays: must be a whole number of working days from 1 "
            + "to 23: 40");

    Path typo = edited(ENTRY, """
        nudge:
          time: "09:30"
        """);
    assertThatThrownBy(() -> NudgeSchedule.load(typo)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bulletin.yaml: nudge.time: unknown field");
  }
}
