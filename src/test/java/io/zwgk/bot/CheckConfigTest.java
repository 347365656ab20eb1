package io.zwgk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeEach
  void copyRepositoryConfig() throws IOException {
    Path source = Path.of("bot-config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(source.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
  }

  @Test
  @DisplayName("check-config on the repository's bot-config says it is fine and exits 0")
  void validConfiguration() {
    assertThat(checkConfig(Map.of())).isZero();
    assertThat(output()).contains("配置无误 (configuration OK): 56 个单位");
  }

  @Test
  @DisplayName("check-config warns, naming office.yaml, when no office staff is listed, and chat.yaml without a "
      + "broadcast group; with both there is no warning")
  void warnsWithoutStaff() throws IOException {
    Files.writeString(dir.resolve("office.yaml"), "staff: []\n");
    Files.writeString(dir.resolve("chat.yaml"), "groups: []\n");
    assertThat(checkConfig(Map.of())).isZero();
    assertThat(output()).contains("注意 (warning): bot-config/office.yaml 没有列出政务公开办工作人员")
        .contains("注意 (warning): bot-config/chat.yaml 没有 broadcast: true 的群");

    out.reset();
    Files.writeString(dir.resolve("office.yaml"), "staff:\n  - platform: dingtalk\n    userId: \"manager1234\"\n"
        + "    name: 李四\n");
    Files.writeString(dir.resolve("chat.yaml"), "groups:\n  - name: 县直单位工作群\n    platform: dingtalk\n"
        + "    webhookEnv: CHECK_HOOK\n    broadcast: true\n");
    assertThat(checkConfig(Map.of("CHECK_HOOK", "https://oapi.dingtalk.com/robot/send?access_token=x"))).isZero();
    assertThat(output()).contains("配置无误").doesNotContain("注意");
  }

  @Test
  @DisplayName("check-config lists a bad variable and every broken file, each with file and field, and exits 1")
  void everyProblemListed() throws IOException {
    replace("units.yaml", "    category: 县直单位\n    aliases: [农业局", "    category: 省直单位\n    aliases: [农业局");
    replace("reminders.yaml", "cron: \"0 9 * * *\"", "cron: \"0 25 * * *\"");
    replace("holidays-cn.csv", "2024-01-01,Mon,off", "2024-13-01,Mon,off");

    int code = checkConfig(Map.of("ZWGK_HTTP_PORT", "http", "ZWGK_LOG_FORMAT", "xml"));

    assertThat(code).isEqualTo(1);
    assertThat(output()).contains("配置有 5 个问题")
        .contains("ZWGK_HTTP_PORT: not a port number: \"http\"")
        .contains("ZWGK_LOG_FORMAT: use text or json: \"xml\"")
        .containsPattern("units\\.yaml: units\\[0]\\.category: .*")
        .containsPattern("reminders\\.yaml: schedules\\[0]\\.cron: .*")
        .containsPattern("holidays-cn\\.csv: line 4: .*date.*");
  }

  @Test
  @DisplayName("with units.yaml readable, check-config also reports chat.yaml fields and robots a platform refuses")
  void chatAndPlatformProblems() throws IOException {
    Files.writeString(dir.resolve("chat.yaml"), """
        robots:
          - name: county
            platform: feishu
            mode: long-connection
            env: {appId: FEISHU_COUNTY_APP_ID, appSecret: FEISHU_COUNTY_APP_SECRET}
        groups:
          - name: 乡镇群
            platform: wecom
            webhookEnv: TOWNSHIP_KEY
            units: [不存在的镇]
        """);
    replace("reminders.yaml", "cron: \"0 9 * * *\"", "cron: \"every morning\"");

    int code = checkConfig(Map.of("FEISHU_COUNTY_APP_ID", "cli_1", "FEISHU_COUNTY_APP_SECRET", "s",
        "TOWNSHIP_KEY", "k"));

    assertThat(code).isEqualTo(1);
    assertThat(output()).contains("chat.yaml: groups[0].units[0]: not a unit of units.yaml: 不存在的镇")
        .containsPattern("reminders\\.yaml: schedules\\[0]\\.cron: .*")
        .doesNotContain("chat.yaml robot county mode");
  }

  @Test
  @DisplayName("a robot mode a platform refuses is reported once the files themselves are fine")
  void platformProblem() throws IOException {
    Files.writeString(dir.resolve("chat.yaml"), """
        robots:
          - name: county
            platform: feishu
            mode: long-connection
            env: {appId: FEISHU_COUNTY_APP_ID, appSecret: FEISHU_COUNTY_APP_SECRET}
        """);

    int code = checkConfig(Map.of("FEISHU_COUNTY_APP_ID", "cli_1", "FEISHU_COUNTY_APP_SECRET", "s"));

    assertThat(code).isEqualTo(1);
    assertThat(output()).contains("配置有 1 个问题").contains("chat.yaml robot county mode: Feishu");
  }

  @Test
  @DisplayName("a missing config directory is one problem naming the directory, still exit 1")
  void missingDirectory() {
    int code = Main.run(new String[] {"check-config"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        Map.of("ZWGK_CONFIG_DIR", dir.resolve("nowhere").toString()));

    assertThat(code).isEqualTo(1);
    assertThat(output()).contains("nowhere: config directory not found");
  }

  private int checkConfig(Map<String, String> extraEnv) {
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("ZWGK_CONFIG_DIR", dir.toString());
    return Main.run(new String[] {"check-config"}, new PrintStream(out, true, StandardCharsets.UTF_8), env);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private void replace(String file, String from, String to) throws IOException {
    String text = Files.readString(dir.resolve(file));
    assertThat(text).as(file).contains(from);
    Files.writeString(dir.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
  }
}
