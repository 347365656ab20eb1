package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.config.ConfigException;
import io.zwgk.bot.remind.ReminderRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulletinTemplatesTest {
  @TempDir
  Path dir;

  private String repositoryFile() throws IOException {
    return Files.readString(SeedBulletin.CONFIG.resolve("bulletin").resolve(BulletinTemplates.FILE));
  }

  private BulletinTemplates loadEdited(String from, String to) throws IOException {
    String text = repositoryFile();
    assertThat(text).contains(from);
    Files.writeString(dir.resolve(BulletinTemplates.FILE), text.replace(from, to));
    return BulletinTemplates.load(dir);
  }

  @Test
  @DisplayName("the repository's bulletin.yaml loads with 5 working days and fills its placeholders")
  void repositoryTemplates() {
    BulletinTemplates t = SeedBulletin.TEMPLATES;

    assertThat(t.rectificationWorkingDays()).isEqualTo(5);
    assertThat(t.fill("title", Map.of("county", "信丰县", "year", "2024", "month", "4")))
        .isEqualTo("信丰县2024年4月政务公开月报");
    assertThat(t.fill("title", Map.of("county", "", "year", "2024", "month", "4"))).isEqualTo("2024年4月政务公开月报");
    assertThat(t.fill("masthead.issuer", Map.of("county", "信丰县"))).isEqualTo("信丰县政务公开办");
    assertThat(t.requirements("2024年5月10日").get(0)).contains("5个工作日内(即2024年5月10日前)");
  }

  @Test
  @DisplayName("another county changes wording and the period without code: the new text and N are used")
  void editedWording() throws IOException {
    BulletinTemplates t = loadEdited("rectificationWorkingDays: 5", "rectificationWorkingDays: 3");
    Bulletin b = new BulletinComposer(t, SeedBulletin.CALENDAR, ReminderRules.defaults(),
        SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames()).compose(SeedBulletin.inputs(LocalDate.of(2024, 4, 30),
            BulletinState.empty(SeedBulletin.APRIL), List.of()));

    assertThat(b.rectificationDeadline()).isEqualTo(LocalDate.of(2024, 5, 8));
    assertThat(b.fullText()).contains("3个工作日内(即2024年5月8日前)");
  }

  @Test
  @DisplayName("a placeholder the entry does not offer stops start-up, naming file, entry and the allowed ones")
  void unknownPlaceholder() {
    assertThatThrownBy(() -> loadEdited("late: \"{units}落实迟缓\"", "late: \"{units}在{deadline}后落实\""))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bulletin.yaml: tasks.late: unknown placeholder {deadline}; allowed: {units}");
  }

  @Test
  @DisplayName("a missing entry, an unknown entry and a bad period are each reported")
  void structuralErrors() {
    assertThatThrownBy(() -> loadEdited("  none: \"本月未发现需要通报的问题。\"", "  nothing: \"x\""))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).errors()).anySatisfy(m -> assertThat(m).endsWith(
            "problems.none: missing")).anySatisfy(m -> assertThat(m).endsWith("problems.nothing: unknown entry")));
    assertThatThrownBy(() -> loadEdited("rectificationWorkingDays: 5", "rectificationWorkingDays: five"))
        .hasMessageContaining("rectificationWorkingDays: must be a whole number of working days from 1 to 60");
    assertThatThrownBy(() -> loadEdited("fastTaskShare: 50", "fastTaskShare: 150"))
        .hasMessageContaining("bulletin.yaml: fastTaskShare: must be a whole percentage from 1 to 100");
    assertThatThrownBy(() -> loadEdited("fastTaskWorkingDays: 3", "fastTaskWorkingDays: 0"))
        .hasMessageContaining("bulletin.yaml: fastTaskWorkingDays: must be a whole number of working days from 1 to 60");
  }

  @Test
  @DisplayName("a missing file names where it was looked for")
  void missingFile() {
    assertThatThrownBy(() -> BulletinTemplates.load(dir)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("bulletin.yaml: file not found");
  }
}
