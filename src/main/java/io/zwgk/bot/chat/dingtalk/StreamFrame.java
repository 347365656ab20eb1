package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.MalformedMessageException;

/**
 * One downstream frame of the DingTalk Stream protocol: {@code {specVersion, type, headers: {messageId, topic, …},
 * data}}, where {@code data} is a JSON string, and the acknowledgements sent back on the same socket.
 *
 * @param type {@code SYSTEM}, {@code EVENT} or {@code CALLBACK}
 * @param topic {@code headers.topic}, e.g. {@code ping} or {@code /v1.0/im/bot/messages/get}; empty if absent
 * @param messageId {@code headers.messageId}, echoed in the acknowledgement; empty if absent
 * @param data the {@code data} string, empty if absent
 */
record StreamFrame(String type, String topic, String messageId, String data) {
  static final String BOT_MESSAGE_TOPIC = "/v1.0/im/bot/messages/get";
  /** The acknowledgement data DingTalk expects for a robot message. */
  static final String CALLBACK_ACK_DATA = "{\"response\": null}";

  /**
   * Parses a text frame.
   *
   * @throws MalformedMessageException if it is not a JSON object with a string {@code type} and an object
   *     {@code headers}; the message never quotes the frame
   */
  static StreamFrame parse(String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new MalformedMessageException("dingtalk stream frame is not a JSON object");
    }
    if (!(json.getValue("type") instanceof String type) || type.isEmpty()) {
      throw new MalformedMessageException("dingtalk stream frame has no type");
    }
    if (!(json.getValue("headers") instanceof JsonObject headers)) {
      throw new MalformedMessageException("dingtalk stream frame has no headers object");
    }
    return new StreamFrame(type, string(headers.getValue("topic")), string(headers.getValue("messageId")),
        string(json.getValue("data")));
  }

  private static String string(Object value) {
    return value instanceof String s ? s : "";
  }

  /** Whether an acknowledgement can be sent: it must echo a message id. */
  boolean acknowledgeable() {
    return !messageId.isEmpty();
  }

  /** The acknowledgement {@code {code, headers: {contentType, messageId}, message, data}} for this frame. */
  String ack(int code, String message, String ackData) {
    JsonObject headers = new JsonObject().put("contentType", "application/json").put("messageId", messageId);
    return new JsonObject().put("code", code).put("headers", headers).put("message", message).put("data", ackData)
        .encode();
  }
}
