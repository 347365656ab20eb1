package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.zwgk.bot.chat.PlatformException;
import java.util.Objects;

/** Reads WeCom's {@code {"errcode":0,"errmsg":"ok"}} answers: a non-zero code becomes a {@link PlatformException}. */
final class WeComResponses {
  private static final String PLATFORM = WeComMessageDecoder.PLATFORM;

  private WeComResponses() {}

  static Future<Void> check(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "response is not a JSON object"));
    }
    return check(json);
  }

  /** Also used for long-connection acknowledgements, which carry the same two fields. */
  static Future<Void> check(JsonObject json) {
    if (json == null || !(json.getValue("errcode") instanceof Number code)) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "response has no errcode"));
    }
    if (code.longValue() != 0) {
      String errmsg = Objects.toString(json.getValue("errmsg"), "");
      return Future.failedFuture(PlatformException.answered(WeComApiErrors.TABLE, code.intValue(), errmsg));
    }
    return Future.succeededFuture();
  }
}
