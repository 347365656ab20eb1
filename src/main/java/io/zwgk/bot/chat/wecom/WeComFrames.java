package io.zwgk.bot.chat.wecom;

import io.vertx.core.json.JsonObject;

/**
 * Frames of the 智能机器人 long connection (doc 101463):
 * {@code {"cmd": …, "headers": {"req_id": …}, "body": …}}. WeCom answers each command with a frame echoing
 * {@code headers.req_id} and carrying {@code errcode}/{@code errmsg}; it pushes {@code aibot_msg_callback} and
 * {@code aibot_event_callback}. Frames holding the secret are never logged.
 */
final class WeComFrames {
  static final String SUBSCRIBE = "aibot_subscribe";
  static final String PING = "ping";
  static final String RESPOND = "aibot_respond_msg";
  static final String MSG_CALLBACK = "aibot_msg_callback";
  static final String EVENT_CALLBACK = "aibot_event_callback";
  static final String DISCONNECTED_EVENT = "disconnected_event";
  /** {@code stream.content} limit of a reply. */
  static final int STREAM_MAX_BYTES = 20480;

  private WeComFrames() {}

  static JsonObject subscribe(String reqId, String botId, String secret) {
    return frame(SUBSCRIBE, reqId).put("body", new JsonObject().put("bot_id", botId).put("secret", secret));
  }

  static JsonObject ping(String reqId) {
    return frame(PING, reqId);
  }

  /** A complete ({@code finish: true}) stream reply to callback {@code reqId}. */
  static JsonObject respond(String reqId, String streamId, String markdown) {
    JsonObject stream = new JsonObject().put("id", streamId).put("finish", true)
        .put("content", WeComText.fit(markdown, STREAM_MAX_BYTES));
    return frame(RESPOND, reqId).put("body", new JsonObject().put("msgtype", "stream").put("stream", stream));
  }

  static String reqId(JsonObject frame) {
    JsonObject headers = frame.getValue("headers") instanceof JsonObject h ? h : new JsonObject();
    return headers.getValue("req_id") instanceof String id ? id : "";
  }

  static String cmd(JsonObject frame) {
    return frame.getValue("cmd") instanceof String cmd ? cmd : "";
  }

  static String eventType(JsonObject frame) {
    JsonObject body = frame.getValue("body") instanceof JsonObject b ? b : new JsonObject();
    JsonObject event = body.getValue("event") instanceof JsonObject e ? e : new JsonObject();
    return event.getValue("eventtype") instanceof String type ? type : "";
  }

  private static JsonObject frame(String cmd, String reqId) {
    return new JsonObject().put("cmd", cmd).put("headers", new JsonObject().put("req_id", reqId));
  }
}
