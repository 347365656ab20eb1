package io.zwgk.bot.config;

import java.util.List;
import java.util.Map;

/** The credentials each platform and mode needs, checked once at start-up. */
final class RobotChecks {
  private static final Map<String, Map<RobotMode, List<String>>> REQUIRED = Map.of(
      "dingtalk", Map.of(RobotMode.WEBHOOK, List.of("appSecret"),
          RobotMode.STREAM, List.of("clientId", "clientSecret")),
      "wecom", Map.of(RobotMode.WEBHOOK, List.of("token", "encodingAesKey"),
          RobotMode.LONG_CONNECTION, List.of("botId", "botSecret")),
      "feishu", Map.of(RobotMode.WEBHOOK, List.of("verificationToken"),
          RobotMode.LONG_CONNECTION, List.of("appId", "appSecret")));

  private RobotChecks() {
  }

  static void check(RobotConfig robot, String file, String path, ConfigErrors errors) {
    List<String> required = REQUIRED.get(robot.platform()).get(robot.mode());
    if (required == null) {
      errors.add(file, path + ".mode", robot.platform() + " robots cannot use mode " + robot.mode().label());
      return;
    }
    for (String key : required) {
      if (robot.credential(key).isEmpty()) {
        errors.add(file, path + ".env." + key, "required for " + robot.platform() + " " + robot.mode().label()
            + " mode");
      }
    }
    robot.credential("encodingAesKey").filter(k -> k.length() != 43)
        .ifPresent(k -> errors.add(file, path + ".env.encodingAesKey", "must be 43 characters"));
  }
}
