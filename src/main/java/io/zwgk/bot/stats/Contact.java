package io.zwgk.bot.stats;

import java.util.Map;
import java.util.Objects;

/**
 * A person to @-mention for a unit.
 *
 * @param name display name
 * @param mobile 11-digit mobile number, or empty when unknown
 * @param userIds platform user ids keyed by platform ({@code dingtalk}, {@code wecom}, {@code feishu})
 */
public record Contact(String name, String mobile, Map<String, String> userIds) {
  public Contact {
    Objects.requireNonNull(name, "name");
    mobile = mobile == null ? "" : mobile;
    userIds = userIds == null ? Map.of() : Map.copyOf(userIds);
  }
}
