package io.zwgk.bot.chat.wecom;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.PlatformException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replies sent over a long connection and waiting for WeCom's acknowledgement (a frame echoing the callback's
 * {@code req_id}). Each fails on a non-zero {@code errcode}, after the timeout, or when the connection goes.
 * Not thread-safe: used on the owning verticle's context only.
 */
final class ReplyAcks {
  private static final String PLATFORM = WeComMessageDecoder.PLATFORM;

  private record Pending(Promise<Void> promise, long timer) {}

  private final Vertx vertx;
  private final long timeoutMs;
  private final Map<String, Pending> pending = new HashMap<>();

  ReplyAcks(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  void expect(String reqId, Promise<Void> promise) {
    fail(reqId, PlatformException.local(PLATFORM, "reply superseded by a later reply"));
    long timer = vertx.setTimer(timeoutMs, id -> fail(reqId,
        PlatformException.local(PLATFORM, "no acknowledgement within " + timeoutMs + " ms")));
    pending.put(reqId, new Pending(promise, timer));
  }

  /** Settles the reply waiting for {@code reqId}; false if none was waiting. */
  boolean complete(String reqId, JsonObject ack) {
    Pending p = pending.remove(reqId);
    if (p == null) {
      return false;
    }
    vertx.cancelTimer(p.timer());
    WeComResponses.check(ack).onComplete(p.promise());
    return true;
  }

  void fail(String reqId, Throwable cause) {
    Pending p = pending.remove(reqId);
    if (p != null) {
      vertx.cancelTimer(p.timer());
      p.promise().tryFail(cause);
    }
  }

  void failAll(String reason) {
    List<String> ids = new ArrayList<>(pending.keySet());
    for (String id : ids) {
      fail(id, PlatformException.local(PLATFORM, reason));
    }
  }
}
