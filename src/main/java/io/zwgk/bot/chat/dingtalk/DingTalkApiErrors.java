package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Expectation;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.HttpResponseHead;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.zwgk.bot.chat.PlatformException;
import java.util.Objects;

/**
 * Failures of DingTalk's {@code api.dingtalk.com} (v1.0) APIs: a non-2xx answer whose body is {@code {code, message}}
 * becomes a {@link PlatformException}. DingTalk's codes there are strings ({@code InvalidAuthentication},
 * {@code Forbidden.AccessDenied.QpsLimitForApi}); the exception then carries the HTTP status as its code and
 * {@code "<code>: <message>"} as its message. A non-2xx answer without such a body keeps the plain status failure.
 */
final class DingTalkApiErrors {
  static final String PLATFORM = "dingtalk";

  /** {@link HttpResponseExpectation#SC_SUCCESS}, failing with the platform's own error where the body has one. */
  static final Expectation<HttpResponseHead> SUCCESS =
      HttpResponseExpectation.SC_SUCCESS.wrappingFailure(DingTalkApiErrors::describe);

  private DingTalkApiErrors() {
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
      return PlatformException.answered(PLATFORM, n.intValue(), message);
    }
    return PlatformException.answered(PLATFORM, head.statusCode(), code + ": " + message);
  }

  private static JsonObject json(Buffer body) {
    try {
      return body.length() == 0 ? null : body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }
}
