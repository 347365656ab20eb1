package io.zwgk.bot.chat.feishu;

import static io.zwgk.bot.chat.feishu.FeishuApiClientTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyHandle;
import io.zwgk.bot.config.ConfigException;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeishuPlatformTest {
  private static Vertx vertx;
  private static WebClient web;
  private static final Settings SETTINGS = Settings.fromEnv(Map.of());

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void closeVertx() {
    web.close();
    vertx.close().await();
  }

  static RobotConfig robot(String name, RobotMode mode, String... keyValues) {
    Map<String, Secret> credentials = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      credentials.put(keyValues[i], new Secret(keyValues[i + 1]));
    }
    return new RobotConfig("feishu", name, mode, credentials);
  }

  private static FeishuPlatform platform(RobotConfig... robots) {
    return new FeishuPlatform(vertx, web, SETTINGS, List.of(robots), Clock.systemUTC());
  }

  @Test
  @DisplayName("a long-connection robot stops start-up with an error naming FEISHU_MODE and the webhook alternative")
  void longConnectionRefused() {
    RobotConfig robot = robot("default", RobotMode.LONG_CONNECTION, "appId", "cli_a", "appSecret", "s");

    assertThatThrownBy(() -> platform(robot)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("FEISHU_MODE").hasMessageContaining("long-connection is not supported")
        .hasMessageContaining("use webhook").hasMessageContaining("/hooks/feishu");
  }

  @Test
  @DisplayName("a webhook robot without App ID/App Secret stops start-up, naming the variables; all problems are listed")
  void missingAppCredentials() {
    RobotConfig noApp = robot("default", RobotMode.WEBHOOK, "verificationToken", "v");
    RobotConfig named = robot("county", RobotMode.LONG_CONNECTION, "appId", "cli_b", "appSecret", "s");

    assertThatThrownBy(() -> platform(noApp, named)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.errors()).hasSize(2);
      assertThat(e.errors().get(0)).contains("FEISHU_APP_ID and FEISHU_APP_SECRET");
      assertThat(e.errors().get(1)).contains("chat.yaml robot county mode").contains("/hooks/feishu/county");
    });
  }

  @Test
  @DisplayName("a complete webhook set-up starts with no connection verticles and answers to the name feishu")
  void webhookOnly() {
    FeishuPlatform platform = platform(robot("default", RobotMode.WEBHOOK, "verificationToken", "v",
        "appId", "cli_a", "appSecret", "s"));

    assertThat(platform.name()).isEqualTo("feishu");
    assertThat(platform.connections(null)).isEmpty();
    assertThat(platform.groups().maxTextBytes()).isEqualTo(FeishuGroupSender.MAX_TEXT_BYTES);
  }

  @Test
  @DisplayName("a reply for a robot this platform does not know fails with code -1")
  void unknownRobot() throws Exception {
    FeishuPlatform platform = platform(robot("default", RobotMode.WEBHOOK, "verificationToken", "v",
        "appId", "cli_a", "appSecret", "s"));
    InboundMessage to = new InboundMessage("feishu", "gone", "oc_1", "", "ou_1", "", "帮助", List.of(), "om_1",
        new ReplyHandle("", null, Map.of("message_id", "om_1")));

    assertThat(failureOf(platform.replies().reply(to, OutboundMessage.of("t", "x"))))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(-1));
  }
}
