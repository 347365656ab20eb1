package io.zwgk.bot.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code default} robot of each platform declared by environment variables alone, added unless {@code chat.yaml}
 * already declares a {@code default} robot for that platform. Problems name the variables.
 */
final class EnvRobots {
  private EnvRobots() {
  }

  static void add(Settings settings, List<RobotConfig> robots) {
    Map<String, Secret> env = settings.robotEnv();
    ConfigErrors errors = new ConfigErrors();
    dingtalk(settings, env).ifPresent(r -> addUnlessDeclared(r, robots, errors));
    wecom(env).ifPresent(r -> addUnlessDeclared(r, robots, errors));
    feishu(env).ifPresent(r -> addUnlessDeclared(r, robots, errors));
    errors.throwIfAny();
  }

  private static void addUnlessDeclared(RobotConfig robot, List<RobotConfig> robots, ConfigErrors errors) {
    if (robots.stream().anyMatch(r -> r.platform().equals(robot.platform()) && r.name().equals(robot.name()))) {
      return;
    }
    RobotChecks.check(robot, "environment", robot.platform().toUpperCase() + "_*", errors);
    robots.add(robot);
  }

  private static Optional<RobotConfig> dingtalk(Settings settings, Map<String, Secret> env) {
    Map<String, Secret> c = new LinkedHashMap<>();
    settings.dingtalkAppSecret().ifPresent(s -> c.put("appSecret", s));
    put(c, "clientId", env, "DINGTALK_CLIENT_ID");
    put(c, "clientSecret", env, "DINGTALK_CLIENT_SECRET");
    if (!c.containsKey("clientSecret") && c.containsKey("appSecret")) {
      c.put("clientSecret", c.get("appSecret"));
    }
    return robot("dingtalk", mode(env, "DINGTALK_MODE"), c);
  }

  private static Optional<RobotConfig> wecom(Map<String, Secret> env) {
    Map<String, Secret> c = new LinkedHashMap<>();
    put(c, "token", env, "WECOM_TOKEN");
    put(c, "encodingAesKey", env, "WECOM_ENCODING_AES_KEY");
    put(c, "receiveId", env, "WECOM_RECEIVE_ID");
    put(c, "botId", env, "WECOM_BOT_ID");
    put(c, "botSecret", env, "WECOM_BOT_SECRET");
    return robot("wecom", mode(env, "WECOM_MODE"), c);
  }

  private static Optional<RobotConfig> feishu(Map<String, Secret> env) {
    Map<String, Secret> c = new LinkedHashMap<>();
    put(c, "verificationToken", env, "FEISHU_VERIFICATION_TOKEN");
    put(c, "encryptKey", env, "FEISHU_ENCRYPT_KEY");
    put(c, "appId", env, "FEISHU_APP_ID");
    put(c, "appSecret", env, "FEISHU_APP_SECRET");
    return robot("feishu", mode(env, "FEISHU_MODE"), c);
  }

  private static Optional<RobotConfig> robot(String platform, RobotMode mode, Map<String, Secret> credentials) {
    return credentials.isEmpty() ? Optional.empty()
        : Optional.of(new RobotConfig(platform, RobotConfig.DEFAULT, mode, credentials));
  }

  private static RobotMode mode(Map<String, Secret> env, String variable) {
    String value = Optional.ofNullable(env.get(variable)).map(Secret::value).orElse("webhook");
    return RobotMode.parse(value).orElseThrow(() -> new ConfigException(variable
        + ": use webhook, stream (DingTalk) or long-connection (WeCom, Feishu), not \"" + value + "\""));
  }

  private static void put(Map<String, Secret> target, String key, Map<String, Secret> env, String variable) {
    Optional.ofNullable(env.get(variable)).filter(s -> !s.value().isBlank()).ifPresent(s -> target.put(key, s));
  }
}
