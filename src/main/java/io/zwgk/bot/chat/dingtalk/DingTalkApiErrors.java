package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Expectation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.HttpResponseHead;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.zwgk.bot.chat.PlatformErrors;
import io.zwgk.bot.chat.PlatformException;
import java.util.Objects;

/**
 * DingTalk's error codes ({@link #TABLE}, the {@link PlatformErrors} of every DingTalk {@link PlatformException}),
 * and the failures of its {@code api.dingtalk.com} (v1.0) APIs: a non-2xx answer whose body is {@code {code, message}}
 * becomes a {@link PlatformException}. DingTalk's codes there are strings ({@code InvalidAuthentication},
 * {@code Forbidden.AccessDenied.QpsLimitForApi}); the exception then carries the HTTP status as its code and
 * {@code "<code>: <message>"} as its message. A non-2xx answer without such a body keeps the plain status failure.
 */
final class DingTalkApiErrors implements PlatformErrors {
  static final String PLATFORM = "dingtalk";
  /** The one instance. */
  static final DingTalkApiErrors TABLE = new DingTalkApiErrors();

  /** {@link HttpResponseExpectation#SC_SUCCESS}, failing with the platform's own error where the body has one. */
  static final Expectation<HttpResponseHead> SUCCESS =
      HttpResponseExpectation.SC_SUCCESS.wrappingFailure(DingTalkApiErrors::describe);

  private DingTalkApiErrors() {
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  /**
   * 130101 (custom robot: 20 a minute, then 10 minutes' throttle), HTTP 429 from the OpenAPI, and its per-app QPS
   * limit, HTTP 403 {@code Forbidden.AccessDenied.QpsLimit…}.
   */
  @Override
  public boolean throttled(int code, String message) {
    return code == 130101 || code == 429 || code == 403 && message.startsWith("Forbidden.AccessDenied.QpsLimit");
  }

  /** 40014 / 42001 (legacy oapi), {@code InvalidAuthentication} (v1.0 OpenAPI, HTTP 401). */
  @Override
  public boolean tokenRejected(int code, String message) {
    return code == 40014 || code == 42001 || code == 401 || message.startsWith("InvalidAuthentication");
  }

  /**
   * 310000 (keyword, sign or IP allow-list), 300001 / 300005 (token), 460101 / 101002 (body too large), and the
   * OpenAPI v1.0 errors 400 and 403 (whose code is the HTTP status) other than the QPS limit.
   */
  @Override
  public boolean permanent(int code, String message) {
    return !throttled(code, message) && (code == 310000 || code == 300001 || code == 300005 || code == 460101
        || code == 101002 || code == 400 || code == 403);
  }

  /**
   * Whether {@code failure} says the access token is invalid or expired ({@link PlatformException#tokenRejected()}:
   * HTTP 401, {@code InvalidAuthentication}, 40014, 42001).
   */
  static boolean tokenRejected(Throwable failure) {
    return failure instanceof PlatformException e && e.platform().equals(PLATFORM) && e.tokenRejected();
  }

  private static Throwable describe(HttpResponseHead head, Throwable statusFailure) {
    if (!(head instanceof HttpResponse<?> response) || !(response.body() instanceof Buffer body)) {
      return statusFailure;
    }
    JsonObject json = json(body);
    if (json == null || json.getValue("code") == null) {
      return statusFailure;
    }
    Object code = json.getValue("code");
    String message = Objects.toString(json.getValue("message"), "");
    if (code instanceof Number n) {
      return PlatformException.answered(TABLE, n.intValue(), message);
    }
    return PlatformException.answered(TABLE, head.statusCode(), code + ": " + message);
  }

  private static JsonObject json(Buffer body) {
    try {
      return body.length() == 0 ? null : body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
