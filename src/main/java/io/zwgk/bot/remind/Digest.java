package io.zwgk.bot.remind;

import io.zwgk.bot.chat.OutboundMessage;
import java.util.List;
import java.util.Objects;

/**
 * One group's reminder message for one run.
 *
 * @param group the {@link io.zwgk.bot.config.GroupConfig#name()} it goes to
 * @param message the text, with the responsible units' contacts to @-mention
 * @param itemIds the ids of the items it lists, in message order
 */
public record Digest(String group, OutboundMessage message, List<String> itemIds) {
  public Digest {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(message, "message");
    itemIds = List.copyOf(itemIds);
  }
}
