package io.zwgk.bot.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Who published a bulletin, and when.
 *
 * @param publishedAt the moment it was recorded
 * @param platform the chat platform of the publisher, or {@code admin} for the admin API
 * @param userId the publisher's user id on that platform
 * @param userName the publisher's display name (may be empty)
 * @param issueDate the bulletin's issue date (印发日期), the start of the rectification period
 * @param groups the broadcast groups (chat.yaml names) it was sent to, where its corrections go; empty when not
 *     recorded (published before groups were recorded), and then corrections go to today's broadcast groups
 */
public record Publication(Instant publishedAt, String platform, String userId, String userName, LocalDate issueDate,
    List<String> groups) {
  public Publication {
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(userId, "userId");
    userName = userName == null ? "" : userName;
    Objects.requireNonNull(issueDate, "issueDate");
    groups = List.copyOf(groups);
  }

  /** A publication that did not record its groups. */
  public Publication(Instant publishedAt, String platform, String userId, String userName, LocalDate issueDate) {
    this(publishedAt, platform, userId, userName, issueDate, List.of());
  }

  /** The name to show: the display name, else the user id. */
  public String who() {
    return userName.isBlank() ? userId : userName;
  }
}
