package io.zwgk.bot.chat;

import java.util.Objects;

/**
 * A command as typed by a user, with who typed it; no platform types.
 *
 * @param platform platform name, only used to scope the sender's binding
 * @param senderId the sender's platform user id, empty when unknown
 * @param senderName display name, empty when unknown
 * @param text the raw message text (mentions and full-width characters are handled by the parser)
 */
public record CommandRequest(String platform, String senderId, String senderName, String text) {
  public CommandRequest {
    Objects.requireNonNull(platform, "platform");
    senderId = senderId == null ? "" : senderId;
    senderName = senderName == null ? "" : senderName;
    text = text == null ? "" : text;
  }
}
