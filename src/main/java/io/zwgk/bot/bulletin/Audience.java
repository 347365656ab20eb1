package io.zwgk.bot.bulletin;

import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.Unit;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One broadcast group as the bulletin's summary addresses it: the people to @ and the bytes one message may hold.
 *
 * @param group the group
 * @param userIds the group platform's user ids to @: the units' contacts from {@code units.yaml}, then the users bound
 *     to the units with {@code 绑定}
 * @param mobiles contacts' mobiles, for contacts without a user id on the group's platform
 * @param maxBytes the most UTF-8 bytes of text one message to the group carries, mentions included
 */
record Audience(GroupConfig group, List<String> userIds, List<String> mobiles, int maxBytes) {
  /** Bytes a platform adds per mention ({@code @id} and a space on DingTalk, {@code <@id> } on WeCom). */
  private static final int MENTION_OVERHEAD = 4;

  Audience {
    Objects.requireNonNull(group, "group");
    userIds = List.copyOf(userIds);
    mobiles = List.copyOf(mobiles);
  }

  /**
   * The people of the units {@code named} that the group covers (every unit for a group without {@code units}), on
   * the group's platform only.
   *
   * @param units configured units by full name (their contacts)
   * @param bound the group platform's users bound to each named unit
   */
  static Audience of(GroupConfig group, Accountable named, Map<String, Unit> units, Map<String, List<String>> bound,
      int maxBytes) {
    Set<String> userIds = new LinkedHashSet<>();
    Set<String> mobiles = new LinkedHashSet<>();
    for (String unit : named.names()) {
      if (!group.covers(unit)) {
        continue;
      }
      Unit u = units.get(unit);
      for (Contact c : u == null ? List.<Contact>of() : u.contacts()) {
        String id = c.userIds().get(group.platform());
        if (id != null && !id.isBlank()) {
          userIds.add(id);
        } else if (!c.mobile().isBlank()) {
          mobiles.add(c.mobile());
        }
      }
      userIds.addAll(bound.getOrDefault(unit, List.of()));
    }
    return new Audience(group, List.copyOf(userIds), List.copyOf(mobiles), maxBytes);
  }

  /** The bytes of text left once the platform has added the mentions. */
  int textBytes() {
    int mentions = 0;
    for (String id : userIds) {
      mentions += id.getBytes(StandardCharsets.UTF_8).length + MENTION_OVERHEAD;
    }
    for (String mobile : mobiles) {
      mentions += mobile.length() + MENTION_OVERHEAD;
    }
    return maxBytes - mentions;
  }

  /** Whether the group is for some units only: their lines come first. */
  boolean ownUnits() {
    return !group.units().isEmpty();
  }
}
