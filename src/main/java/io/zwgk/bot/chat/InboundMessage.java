package io.zwgk.bot.chat;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a user sent to the robot, in platform-neutral form. Platform adapters build it from their callback or
 * stream frames after verification; commands see only its text and sender.
 *
 * @param platform {@code dingtalk}, {@code wecom} or {@code feishu}
 * @param robot the robot's configured name ({@code default} for the env-only set-up)
 * @param conversationId the group or 1:1 conversation id on the platform
 * @param conversationTitle the group name, or empty
 * @param senderId the sender's platform user id (DingTalk staff id, WeCom userid, Feishu open_id)
 * @param senderName the sender's display name, or empty
 * @param text the message text with the robot mention removed as far as the platform allows
 * @param mentions user ids mentioned in the message (other than the robot)
 * @param messageId the platform's message id, the dedupe key
 * @param reply how to answer this message
 * @param file the file the message carries (a file sent to the robot one-to-one), if any
 * @throws MalformedMessageException if the message id, sender id or conversation id is longer than
 *     {@value #MAX_ID_CHARS} characters (no platform issues such ids; they would only fill Redis)
 */
public record InboundMessage(
    String platform,
    String robot,
    String conversationId,
    String conversationTitle,
    String senderId,
    String senderName,
    String text,
    List<String> mentions,
    String messageId,
    ReplyHandle reply,
    Optional<Attachment> file) {
  /** The longest message, sender or conversation id accepted. */
  public static final int MAX_ID_CHARS = 128;

  public InboundMessage {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(messageId, "messageId");
    requireShort(platform, "message id", messageId);
    requireShort(platform, "sender id", senderId);
    requireShort(platform, "conversation id", conversationId);
    robot = robot == null || robot.isBlank() ? "default" : robot;
    conversationId = conversationId == null ? "" : conversationId;
    conversationTitle = conversationTitle == null ? "" : conversationTitle;
    senderId = senderId == null ? "" : senderId;
    senderName = senderName == null ? "" : senderName;
    text = text == null ? "" : text;
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    file = file == null ? Optional.empty() : file;
  }

  /** A message without a file. */
  public InboundMessage(String platform, String robot, String conversationId, String conversationTitle,
      String senderId, String senderName, String text, List<String> mentions, String messageId, ReplyHandle reply) {
    this(platform, robot, conversationId, conversationTitle, senderId, senderName, text, mentions, messageId, reply,
        Optional.empty());
  }

  private static void requireShort(String platform, String what, String id) {
    if (id != null && id.length() > MAX_ID_CHARS) {
      throw new MalformedMessageException(platform + " " + what + " is longer than " + MAX_ID_CHARS + " characters");
    }
  }
}
