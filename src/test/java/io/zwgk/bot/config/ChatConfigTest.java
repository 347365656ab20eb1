package io.zwgk.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatConfigTest {
  private static final List<Unit> UNITS = List.of(Unit.of("县水利局", Category.COUNTY_DEPT));

  @TempDir
  Path dir;

  private ChatConfig load(String yaml, Map<String, String> env) throws Exception {
    if (yaml != null) {
      Files.writeString(dir.resolve("chat.yaml"), yaml);
    }
    return ChatConfig.load(dir, Settings.fromEnv(env), env, UNITS);
  }

  @Test
  @DisplayName("with no chat.yaml, environment variables alone declare one default robot per platform")
  void envOnly() throws Exception {
    Map<String, String> env = Map.of("DINGTALK_APP_SECRET", "s", "WECOM_TOKEN", "t",
        "WECOM_ENCODING_AES_KEY", "a".repeat(43), "FEISHU_VERIFICATION_TOKEN", "v", "FEISHU_APP_ID", "cli",
        "FEISHU_APP_SECRET", "fs", "DINGTALK_MODE", "webhook");
    ChatConfig config = load(null, env);

    assertThat(config.robots()).extracting(RobotConfig::platform).containsExactlyInAnyOrder("dingtalk", "wecom",
        "feishu");
    RobotConfig dingtalk = config.robot("dingtalk", "default").orElseThrow();
    assertThat(dingtalk.required("appSecret")).isEqualTo("s");
    assertThat(dingtalk.credential("clientSecret")).as("falls back to the app secret").contains("s");
    assertThat(config.groups()).isEmpty();
  }

  @Test
  @DisplayName("no robot variables and no file: no robots, and that is a valid configuration")
  void nothing() throws Exception {
    assertThat(load(null, Map.of()).robots()).isEmpty();
  }

  @Test
  @DisplayName("robots and groups from chat.yaml take their secrets from the variables they name")
  void fromFile() throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("CID", "ding1", "CSECRET", "x", "HOOK", "https://h/robot/send?access_token=1",
        "HOOK_SECRET", "SEC1"));
    ChatConfig config = load("""
        robots:
          - name: county
            platform: dingtalk
            mode: stream
            env: {clientId: CID, clientSecret: CSECRET}
        groups:
          - name: 办公室群
            platform: dingtalk
            webhookEnv: HOOK
            secretEnv: HOOK_SECRET
            office: true
            broadcast: true
          - name: 水利群
            platform: dingtalk
            robot: county
            conversationId: cid123
            units: [县水利局]
        """, env);

    assertThat(config.robot("dingtalk", "county")).map(RobotConfig::mode).contains(RobotMode.STREAM);
    assertThat(config.officeGroups()).extracting(GroupConfig::name).containsExactly("办公室群");
    assertThat(config.broadcastGroups()).extracting(GroupConfig::name).containsExactly("办公室群");
    GroupConfig water = config.group("水利群").orElseThrow();
    assertThat(water.covers("县水利局")).isTrue();
    assertThat(water.covers("大阿镇政府")).isFalse();
    assertThat(config.group("办公室群").orElseThrow().webhookSecret()).map(Secret::value).contains("SEC1");
  }

  @Test
  @DisplayName("every mistake is reported at once, each naming the file and the field")
  void errorsNameFileAndField() {
    assertThatThrownBy(() -> load("""
        robots:
          - name: county
            platform: dingding
          - name: wx
            platform: wecom
            mode: stream
          - name: bad name
            platform: dingtalk
            env: {appSecret: MISSING_VAR}
        groups:
          - name: g1
            platform: feishu
          - name: g2
            platform: dingtalk
            webhookEnv: NOT_SET
            units: [县不存在局]
        """, Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).errors()).anySatisfy(m -> assertThat(m)
                .contains("chat.yaml: robots[0].platform: unknown platform dingding"))
            .anySatisfy(m -> assertThat(m).contains("robots[1].mode: wecom robots cannot use mode stream"))
            .anySatisfy(m -> assertThat(m).contains("robots[2].name: use letters, digits"))
            .anySatisfy(m -> assertThat(m).contains("robots[2].env.appSecret: environment variable MISSING_VAR is not set"))
            .anySatisfy(m -> assertThat(m).contains("groups[0]: cannot send to this group"))
            .anySatisfy(m -> assertThat(m).contains("groups[1].webhookEnv: environment variable NOT_SET is not set"))
            .anySatisfy(m -> assertThat(m).contains("groups[1].units[0]: not a unit of units.yaml: 县不存在局")));
  }

  @Test
  @DisplayName("a WeCom EncodingAESKey of the wrong length is refused at start, naming the variable")
  void badAesKey() {
    assertThatThrownBy(() -> load(null, Map.of("WECOM_TOKEN", "t", "WECOM_ENCODING_AES_KEY", "short")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("encodingAesKey: must be 43 characters");
  }

  @Test
  @DisplayName("the shipped chat.yaml (all comments) loads")
  void shipped() {
    assertThat(ChatConfig.load(Path.of("bot-config"), Settings.fromEnv(Map.of()), Map.of(), UNITS).groups()).isEmpty();
  }
}
