package io.zwgk.bot.chat.dingtalk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The JSON body of a DingTalk app-robot message callback (HTTP mode, also the {@code data} of a Stream frame), reduced
 * to the fields the bot uses. {@code content} stays a tree because its shape depends on {@code msgtype}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DingTalkCallback(
    String msgId,
    String msgtype,
    String conversationId,
    String conversationType,
    String conversationTitle,
    String senderId,
    String senderStaffId,
    String senderNick,
    String chatbotUserId,
    String robotCode,
    String sessionWebhook,
    Long sessionWebhookExpiredTime,
    Text text,
    JsonNode content,
    List<AtUser> atUsers) {

  /** {@code text} of a {@code msgtype=text} message. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Text(String content) {}

  /** One entry of {@code atUsers}; the robot itself has a {@code dingtalkId} but no {@code staffId}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AtUser(String dingtalkId, String staffId) {}
}
