package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open 智能机器人 long-connection socket: sends {@code aibot_subscribe}, pings every
 * {@link LongConnectionTiming#heartbeat()} once subscribed (closing the socket after two unanswered pings), hands
 * {@code aibot_msg_callback} messages to its listener, sends {@code aibot_respond_msg} replies and settles them on
 * WeCom's acknowledgement. Tells its listener once how it ended. Confined to the owning verticle's context.
 */
final class WeComSession {
  private static final Logger log = LoggerFactory.getLogger(WeComSession.class);
  private static final Set<Integer> BAD_CREDENTIALS = Set.of(853000, 93019);
  private static final int MAX_UNANSWERED_PINGS = 2;

  /** Why a session ended. */
  enum End {
    /** Closed, failed or went silent: reconnect with backoff. */
    LOST,
    /** WeCom refused the bot id or secret: reconnect slowly. */
    BAD_CREDENTIALS,
    /** Another connection for the same bot took over ({@code disconnected_event}): do not reconnect. */
    REPLACED
  }

  /** What the owning verticle hears from a session. */
  interface Listener {
    void subscribed();

    void message(InboundMessage message);

    void ended(End how);
  }

  private final Vertx vertx;
  private final WebSocket ws;
  private final String robot;
  private final LongConnectionTiming timing;
  private final Listener listener;
  private final ReplyAcks acks;
  private String subscribeReqId = "";
  private End end = End.LOST;
  private long heartbeatTimer = -1;
  private long subscribeTimer = -1;
  private int unansweredPings;
  private long sequence;

  WeComSession(Vertx vertx, WebSocket ws, String robot, LongConnectionTiming timing, Listener listener) {
    this.vertx = vertx;
    this.ws = ws;
    this.robot = robot;
    this.timing = timing;
    this.listener = listener;
    this.acks = new ReplyAcks(vertx, timing.ackTimeout().toMillis());
    ws.textMessageHandler(this::onText);
    ws.exceptionHandler(e -> log.warn("wecom robot {}: long connection error: {}", robot, e.getMessage()));
    ws.closeHandler(v -> closed());
  }

  /** Subscribes; a subscription WeCom does not answer within the ack timeout closes the socket. */
  void subscribe(String botId, String secret) {
    subscribeReqId = nextReqId(WeComFrames.SUBSCRIBE);
    ws.writeTextMessage(WeComFrames.subscribe(subscribeReqId, botId, secret).encode());
    subscribeTimer = vertx.setTimer(timing.ackTimeout().toMillis(), id -> {
      log.warn("wecom robot {}: no answer to subscribe, reconnecting", robot);
      ws.close();
    });
  }

  /** Sends a complete reply to callback {@code reqId}; completes on WeCom's acknowledgement. */
  Future<Void> respond(String reqId, String markdown) {
    Promise<Void> promise = Promise.promise();
    acks.expect(reqId, promise);
    ws.writeTextMessage(WeComFrames.respond(reqId, nextReqId("stream"), markdown).encode())
        .onFailure(e -> acks.fail(reqId, e));
    return promise.future();
  }

  Future<Void> close() {
    return ws.close().otherwiseEmpty();
  }

  private void closed() {
    vertx.cancelTimer(subscribeTimer);
    stopHeartbeat();
    acks.failAll("long connection closed");
    listener.ended(end);
  }

  private void onText(String text) {
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      log.warn("wecom robot {}: ignored a frame that is not a JSON object", robot);
      return;
    }
    switch (WeComFrames.cmd(frame)) {
      case WeComFrames.MSG_CALLBACK -> onMessage(frame);
      case WeComFrames.EVENT_CALLBACK -> onEvent(frame);
      default -> onAnswer(frame);
    }
  }

  private void onAnswer(JsonObject frame) {
    String reqId = WeComFrames.reqId(frame);
    if (reqId.equals(subscribeReqId)) {
      onSubscribed(frame.getValue("errcode") instanceof Number n ? n.intValue() : -1, frame.getValue("errmsg"));
    } else if (reqId.startsWith(WeComFrames.PING + "_")) {
      unansweredPings = 0;
    } else if (!acks.complete(reqId, frame)) {
      log.debug("wecom robot {}: unexpected answer for {}", robot, reqId);
    }
  }

  private void onSubscribed(int code, Object errmsg) {
    vertx.cancelTimer(subscribeTimer);
    if (code == 0) {
      log.info("wecom robot {}: long connection subscribed", robot);
      heartbeatTimer = vertx.setPeriodic(timing.heartbeat().toMillis(), id -> ping());
      listener.subscribed();
      return;
    }
    if (BAD_CREDENTIALS.contains(code)) {
      end = End.BAD_CREDENTIALS;
      log.error("wecom robot {}: WeCom rejected the bot id or secret (errcode {}: {}); check botId/botSecret "
          + "(WECOM_BOT_ID, WECOM_BOT_SECRET); retrying every {} s", robot, code, errmsg,
          timing.maxBackoff().toSeconds());
    } else {
      log.warn("wecom robot {}: subscribe refused (errcode {}: {})", robot, code, errmsg);
    }
    ws.close();
  }

  private void onMessage(JsonObject frame) {
    String reqId = WeComFrames.reqId(frame);
    try {
      WeComMessage m = WeComMessageDecoder.parse(frame.getValue("body") instanceof JsonObject b ? b.encode() : "");
      if (m.isUserMessage()) {
        listener.message(WeComMessageDecoder.toInbound(m, robot, WeComMessageDecoder.socketReply(m, reqId)));
      }
    } catch (MalformedMessageException e) {
      log.warn("wecom robot {}: callback {} ignored: {}", robot, reqId, e.getMessage());
    }
  }

  private void onEvent(JsonObject frame) {
    if (WeComFrames.DISCONNECTED_EVENT.equals(WeComFrames.eventType(frame))) {
      log.warn("wecom robot {}: another connection for this bot took over; not reconnecting", robot);
      end = End.REPLACED;
      ws.close();
    }
  }

  private void ping() {
    if (unansweredPings >= MAX_UNANSWERED_PINGS) {
      log.warn("wecom robot {}: {} heartbeats unanswered, reconnecting", robot, unansweredPings);
      stopHeartbeat();
      ws.close();
      return;
    }
    unansweredPings++;
    ws.writeTextMessage(WeComFrames.ping(nextReqId(WeComFrames.PING)).encode());
  }

  private void stopHeartbeat() {
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
  }

  private String nextReqId(String prefix) {
    return prefix + "_" + System.currentTimeMillis() + "_" + (++sequence);
  }
}
