package io.zwgk.bot.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One robot that receives messages on a platform.
 *
 * @param platform {@code dingtalk}, {@code wecom} or {@code feishu}
 * @param name {@code default} for the robot at {@code /hooks/{platform}}; others answer at {@code /hooks/{platform}/{name}}
 * @param mode webhook or a long-lived connection
 * @param credentials secrets and ids by key: dingtalk {@code appSecret, clientId, clientSecret, chatbotUserId}; wecom
 *     {@code token, encodingAesKey, receiveId, botId, botSecret}; feishu {@code verificationToken, encryptKey, appId,
 *     appSecret}
 */
public record RobotConfig(String platform, String name, RobotMode mode, Map<String, Secret> credentials) {
  public static final String DEFAULT = "default";

  public RobotConfig {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    credentials = Map.copyOf(credentials);
  }

  /** A credential, empty when not configured. */
  public Optional<String> credential(String key) {
    return Optional.ofNullable(credentials.get(key)).map(Secret::value).filter(v -> !v.isEmpty());
  }

  /** A credential that validation guaranteed to be present. */
  public String required(String key) {
    return credential(key).orElseThrow(() -> new IllegalStateException(platform + " robot " + name + " lacks " + key));
  }

  @Override
  public String toString() {
    return "RobotConfig[" + platform + "/" + name + ", " + mode.label() + ", credentials=" + credentials.keySet() + "]";
  }
}
