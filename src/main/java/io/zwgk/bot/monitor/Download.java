package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * One request of the crawler, read as a stream: the body is kept up to a cap chosen from the answer's Content-Type
 * (a larger Content-Length stops it at once), and the whole exchange (connect, headers, body) ends within a
 * deadline. Past the cap or the deadline the request is reset, which closes its connection, so a page that never
 * ends or trickles holds neither memory nor time. Use it from one context.
 */
final class Download {
  /** The most of a non-2xx answer's body that is read (and dropped) to keep the connection for the next request. */
  static final long ERROR_BODY_CAP = 64 * 1024;

  /**
   * The answer.
   *
   * @param body what was read, at most {@code cap} bytes
   * @param cut true when the body is longer than {@code cap} and reading stopped there
   */
  record Answer(int status, String contentType, String location, Buffer body, boolean cut, long cap) {
    boolean success() {
      return status >= 200 && status < 300;
    }
  }

  private final Vertx vertx;
  private final HttpClient http;
  private final RequestOptions options;
  private final Duration deadline;
  private final ToLongFunction<String> capOf;
  private final Promise<Answer> result = Promise.promise();
  private HttpClientRequest request;

  /** @param capOf the byte cap of a 2xx answer of this Content-Type ("" when none) */
  Download(Vertx vertx, HttpClient http, RequestOptions options, Duration deadline, ToLongFunction<String> capOf) {
    this.vertx = vertx;
    this.http = http;
    this.options = options.setConnectTimeout(deadline.toMillis());
    this.deadline = deadline;
    this.capOf = capOf;
  }

  Future<Answer> start() {
    long timer = vertx.setTimer(Math.max(1, deadline.toMillis()), id -> abort(new TimeoutException(
        "no complete answer within " + deadline.toMillis() + " ms (connect, headers and body)")));
    http.request(options).onComplete(ar -> {
      if (ar.failed()) {
        result.tryFail(ar.cause());
        return;
      }
      request = ar.result();
      if (result.future().isComplete()) {
        request.reset();
        return;
      }
      request.send().onComplete(sent -> {
        if (sent.failed()) {
          result.tryFail(sent.cause());
        } else {
          read(sent.result());
        }
      });
    });
    return result.future().onComplete(ar -> vertx.cancelTimer(timer));
  }

  /** Ends the exchange now with {@code why}, resetting the request if it was sent. */
  void abort(Throwable why) {
    if (result.tryFail(why) && request != null) {
      request.reset(0, why);
    }
  }

  private void read(HttpClientResponse resp) {
    String type = resp.getHeader("Content-Type") == null ? "" : resp.getHeader("Content-Type");
    String location = resp.getHeader("Location");
    boolean success = resp.statusCode() >= 200 && resp.statusCode() < 300;
    long cap = success ? capOf.applyAsLong(type) : ERROR_BODY_CAP;
    Buffer body = Buffer.buffer();
    if (cap == 0 || declaredLength(resp) > cap) {
      cut(resp, type, location, body, cap);
      return;
    }
    resp.exceptionHandler(result::tryFail);
    resp.handler(chunk -> {
      if (result.future().isComplete()) {
        return;
      }
      long room = cap - body.length();
      if (chunk.length() > room) {
        body.appendBuffer(chunk, 0, (int) room);
        cut(resp, type, location, body, cap);
      } else {
        body.appendBuffer(chunk);
      }
    });
    resp.endHandler(v -> result.tryComplete(new Answer(resp.statusCode(), type, location, body, false, cap)));
  }

  private void cut(HttpClientResponse resp, String type, String location, Buffer body, long cap) {
    if (result.tryComplete(new Answer(resp.statusCode(), type, location, body, true, cap))) {
      request.reset();
    }
  }

  private static long declaredLength(HttpClientResponse resp) {
    try {
      String length = resp.getHeader("Content-Length");
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
