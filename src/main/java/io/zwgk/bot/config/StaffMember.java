package io.zwgk.bot.config;

import java.util.Objects;

/**
 * A member of the 政务公开办 who may run office-only commands, from {@code bot-config/office.yaml}.
 *
 * @param platform {@code dingtalk}, {@code wecom} or {@code feishu}
 * @param userId the person's user id on that platform
 * @param name display name, for logs and replies
 */
public record StaffMember(String platform, String userId, String name) {
  public StaffMember {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(name, "name");
    if (userId.isBlank()) {
      throw new IllegalArgumentException("userId is blank");
    }
  }
}
