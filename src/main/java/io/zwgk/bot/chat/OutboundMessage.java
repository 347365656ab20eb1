package io.zwgk.bot.chat;

import java.util.List;
import java.util.Objects;

/**
 * A message the robot sends, in platform-neutral form; adapters render it as the platform's text or markdown body.
 *
 * @param title short title (DingTalk markdown title, notification preview)
 * @param markdown the body in the markdown subset all three platforms render (headings, bold, lists, links)
 * @param atUserIds platform user ids to @-mention
 * @param atMobiles mobile numbers to @-mention
 */
public record OutboundMessage(String title, String markdown, List<String> atUserIds, List<String> atMobiles) {
  public OutboundMessage {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(markdown, "markdown");
    atUserIds = atUserIds == null ? List.of() : List.copyOf(atUserIds);
    atMobiles = atMobiles == null ? List.of() : List.copyOf(atMobiles);
  }

  /** A plain message with no mentions. */
  public static OutboundMessage of(String title, String markdown) {
    return new OutboundMessage(title, markdown, List.of(), List.of());
  }
}
