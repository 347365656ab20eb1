package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Answers a DingTalk app-robot message by POSTing a markdown body to the message's {@code sessionWebhook}. A reply
 * succeeds only on HTTP 2xx with {@code errcode == 0}; a platform error code fails the future with a
 * {@link PlatformException} (130101 is {@linkplain PlatformException#throttled() throttled}).
 */
public final class DingTalkReplyClient {
  private static final String PLATFORM = "dingtalk";
  private static final String CONTENT_TYPE = "application/json;charset=utf-8";

  private final WebClient client;
  private final long timeoutMs;

  /**
   * @param client the shared web client, kept for the life of this object
   * @param timeout the whole-request timeout applied to every reply
   */
  public DingTalkReplyClient(WebClient client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
    this.timeoutMs = timeout.toMillis();
  }

  /**
   * Sends {@code msg} through {@code handle}. Fails fast, without any HTTP call, with a {@link PlatformException} of
   * code {@code -1} when the handle has no URL or has expired at {@code now}.
   */
  public Future<Void> reply(ReplyHandle handle, OutboundMessage msg, Instant now) {
    if (handle.url().isEmpty()) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "sessionWebhook missing"));
    }
    if (!now.isBefore(handle.expiresAt())) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "sessionWebhook expired"));
    }
    return client.postAbs(handle.url())
        .timeout(timeoutMs)
        .putHeader("Content-Type", CONTENT_TYPE)
        .sendBuffer(body(msg).toBuffer())
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .compose(DingTalkReplyClient::checkErrcode);
  }

  /**
   * The markdown body DingTalk robots accept ({@code sessionWebhook} and custom-robot webhooks alike). Every mentioned
   * user id and mobile also appears as {@code @id} in the text, appended when missing, because DingTalk only notifies
   * mentions present in both {@code at} and the text.
   */
  static JsonObject body(OutboundMessage msg) {
    JsonObject at = new JsonObject()
        .put("atUserIds", new JsonArray(new ArrayList<>(msg.atUserIds())))
        .put("atMobiles", new JsonArray(new ArrayList<>(msg.atMobiles())))
        .put("isAtAll", false);
    JsonObject markdown = new JsonObject()
        .put("title", msg.title())
        .put("text", withMentions(msg.markdown(), msg.atUserIds(), msg.atMobiles()));
    return new JsonObject().put("msgtype", "markdown").put("markdown", markdown).put("at", at);
  }

  static String withMentions(String text, List<String> userIds, List<String> mobiles) {
    List<String> missing = new ArrayList<>();
    for (List<String> ids : List.of(userIds, mobiles)) {
      for (String id : ids) {
        String tag = "@" + id;
        if (!mentioned(text, id) && !missing.contains(tag)) {
          missing.add(tag);
        }
      }
    }
    return missing.isEmpty() ? text : text + "\n\n" + String.join(" ", missing);
  }

  /** Whether {@code @id} stands in the text as a whole token (not followed by a letter, digit, _ or -). */
  private static boolean mentioned(String text, String id) {
    String tag = "@" + id;
    for (int at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + 1)) {
      int end = at + tag.length();
      if (end == text.length() || !idChar(text.charAt(end))) {
        return true;
      }
    }
    return false;
  }

  private static boolean idChar(char c) {
    return c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Succeeds on {@code errcode == 0}; otherwise fails with the platform error, or code -1 for an unreadable body. */
  static Future<Void> checkErrcode(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "response is not a JSON object"));
    }
    if (json == null || !(json.getValue("errcode") instanceof Number code)) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "response has no errcode"));
    }
    if (code.longValue() != 0) {
      String errmsg = Objects.toString(json.getValue("errmsg"), "");
      return Future.failedFuture(PlatformException.answered(DingTalkApiErrors.TABLE, code.intValue(), errmsg));
    }
    return Future.succeededFuture();
  }
}
