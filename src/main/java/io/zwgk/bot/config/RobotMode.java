package io.zwgk.bot.config;

import java.util.Optional;

/** How a robot receives messages: an HTTP callback we serve, or a connection we open (no public IP needed). */
public enum RobotMode {
  /** The platform POSTs to {@code /hooks/{platform}[/{robot}]}. */
  WEBHOOK("webhook"),
  /** DingTalk Stream mode: we open a WebSocket to the DingTalk gateway. */
  STREAM("stream"),
  /** WeCom 智能机器人 or Feishu long connection: we open a WebSocket to the platform. */
  LONG_CONNECTION("long-connection");

  private final String label;

  RobotMode(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Optional<RobotMode> parse(String text) {
    for (RobotMode m : values()) {
      if (m.label.equalsIgnoreCase(text == null ? "" : text.strip())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
