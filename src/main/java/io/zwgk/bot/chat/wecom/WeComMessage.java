package io.zwgk.bot.chat.wecom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A 智能机器人 push (doc 100719), reduced to the fields the bot uses: the decrypted JSON of a webhook callback, or
 * the {@code body} of an {@code aibot_msg_callback} long-connection frame. {@code chatid} is set in groups only.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record WeComMessage(
    String msgid,
    String aibotid,
    String chatid,
    String chattype,
    From from,
    @JsonProperty("response_url") String responseUrl,
    String msgtype,
    Content text,
    Content voice,
    Mixed mixed,
    Media file) {

  /** The sender. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record From(String userid) {}

  /** {@code text} of a text message, {@code voice} (the transcription) of a voice message. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Content(String content) {}

  /**
   * {@code file} of a file message (one-to-one only): the URL of the encrypted file, its own {@code aeskey} in
   * long-connection mode (webhook mode encrypts with the robot's EncodingAESKey), and its name when WeCom gives one.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Media(String url, String aeskey, String filename) {}

  /** {@code mixed} of a 图文混排 message. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Mixed(@JsonProperty("msg_item") List<MixedItem> msgItem) {}

  /** One part of a mixed message; only text parts carry text. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record MixedItem(String msgtype, Content text) {}

  /** The sender's userid, or empty. */
  String senderId() {
    return from == null || from.userid() == null ? "" : from.userid();
  }

  /** Whether this push is something a user said, rather than an event or a stream refresh. */
  boolean isUserMessage() {
    return msgtype != null && !msgtype.equals("event") && !msgtype.equals("stream");
  }
}
