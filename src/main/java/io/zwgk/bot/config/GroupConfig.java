package io.zwgk.bot.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A chat group the robot sends to by itself (reminders, bulletins, escalations).
 *
 * @param name the group's name as staff know it
 * @param platform {@code dingtalk}, {@code wecom} or {@code feishu}
 * @param robot the inbound robot that also talks in this group (for platform API sends), {@code default} if unset
 * @param conversationId the platform's group id for API sends (DingTalk openConversationId, Feishu chat_id), if known
 * @param webhook the group robot's webhook (DingTalk/Feishu URL, WeCom key or URL), if the group has one
 * @param webhookSecret the group robot's 加签 secret, if signing is switched on
 * @param office the 政务公开办's own group: previews, escalations, delivery problems go here
 * @param broadcast receives the bulletin
 * @param units units whose reminders go to this group; empty = every unit
 */
public record GroupConfig(String name, String platform, String robot, Optional<String> conversationId,
    Optional<Secret> webhook, Optional<Secret> webhookSecret, boolean office, boolean broadcast, List<String> units) {
  public GroupConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    robot = robot == null || robot.isBlank() ? RobotConfig.DEFAULT : robot;
    units = List.copyOf(units);
  }

  /** Whether reminders for this unit go to this group. */
  public boolean covers(String unit) {
    return units.isEmpty() || units.contains(unit);
  }

  @Override
  public String toString() {
    return "GroupConfig[" + platform + "/" + name + (office ? ", office" : "") + (broadcast ? ", broadcast" : "") + "]";
  }
}
