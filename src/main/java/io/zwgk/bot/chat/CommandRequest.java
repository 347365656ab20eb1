package io.zwgk.bot.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * A command as typed by a user, with who typed it; no platform types.
 *
 * @param platform platform name, only used to scope the sender's binding
 * @param senderId the sender's platform user id, empty when unknown
 * @param senderName display name, empty when unknown
 * @param text the raw message text (mentions and full-width characters are handled by the parser)
 * @param file the file the message carries, not downloaded yet
 */
public record CommandRequest(String platform, String senderId, String senderName, String text,
    Optional<IncomingFile> file) {
  public CommandRequest {
    Objects.requireNonNull(platform, "platform");
    senderId = senderId == null ? "" : senderId;
    senderName = senderName == null ? "" : senderName;
    text = text == null ? "" : text;
    file = file == null ? Optional.empty() : file;
  }

  /** A command typed as text. */
  public CommandRequest(String platform, String senderId, String senderName, String text) {
    this(platform, senderId, senderName, text, Optional.empty());
  }
}
