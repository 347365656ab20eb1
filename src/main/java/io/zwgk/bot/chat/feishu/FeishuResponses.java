package io.zwgk.bot.chat.feishu;

import io.vertx.core.Expectation;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.HttpResponseHead;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.zwgk.bot.chat.PlatformException;
import java.util.Objects;

/**
 * The one reading of Feishu answers, for the OpenAPI (token, reply, send) and custom-bot webhooks alike. Feishu puts
 * its error code in the JSON body even on HTTP 400 and 429 ("too many request", frequency limit), so those statuses
 * are let through {@link #EXPECTED} and read; every other non-2xx status fails as an HTTP error. A body
 * {@code code} (custom bots of older tenants: {@code StatusCode}) other than 0 becomes a {@link PlatformException};
 * 429 and 99991400 become a {@linkplain PlatformException#throttled() throttled} one.
 */
final class FeishuResponses {
  static final String PLATFORM = "feishu";
  static final String CONTENT_TYPE = "application/json; charset=utf-8";

  /** 2xx, or 400/429 whose body carries Feishu's error code. */
  static final Expectation<HttpResponseHead> EXPECTED = HttpResponseExpectation.SC_SUCCESS
      .or(HttpResponseExpectation.SC_BAD_REQUEST)
      .or(HttpResponseExpectation.SC_TOO_MANY_REQUESTS);

  private static final int TOO_MANY_REQUESTS = 429;
  /** Feishu OpenAPI "request trigger frequency limit"; {@link PlatformException#throttled()} knows it. */
  static final int FREQUENCY_LIMIT = 99991400;

  private FeishuResponses() {
  }

  /** The JSON body of a successful answer, or a failed future with the platform's code and message. */
  static Future<JsonObject> check(HttpResponse<Buffer> response) {
    JsonObject json = jsonOrNull(response);
    Integer code = json == null ? null : code(json);
    String msg = json == null ? "" : Objects.toString(either(json, "msg", "StatusMessage"), "");
    if (response.statusCode() == TOO_MANY_REQUESTS || Integer.valueOf(FREQUENCY_LIMIT).equals(code)) {
      String reset = response.getHeader("x-ogw-ratelimit-reset");
      return Future.failedFuture(new PlatformException(FeishuApiErrors.TABLE, code == null ? FREQUENCY_LIMIT : code,
          msg + (reset == null ? "" : " (x-ogw-ratelimit-reset: " + reset + " s)")));
    }
    if (code == null) {
      return Future.failedFuture(PlatformException.local(PLATFORM,
          "HTTP " + response.statusCode() + " answer without a code"));
    }
    if (code != 0) {
      return Future.failedFuture(PlatformException.answered(FeishuApiErrors.TABLE, code, msg));
    }
    if (response.statusCode() >= 300) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "HTTP " + response.statusCode() + " with code 0"));
    }
    return Future.succeededFuture(json);
  }

  private static JsonObject jsonOrNull(HttpResponse<Buffer> response) {
    try {
      return response.body() == null ? null : response.bodyAsJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static Integer code(JsonObject json) {
    Object code = either(json, "code", "StatusCode");
    return code instanceof Number n ? Integer.valueOf(n.intValue()) : null;
  }

  private static Object either(JsonObject json, String key, String legacyKey) {
    return json.containsKey(key) ? json.getValue(key) : json.getValue(legacyKey);
  }
}
