package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One Feishu app's OpenAPI client: the {@code tenant_access_token} and the im/v1 reply and send calls.
 *
 * <p>The token is cached until 5 minutes before it expires (by the injected {@link Clock}); concurrent callers share
 * one refresh. Safe to call from any thread or event loop: the cache is guarded by this object's lock, which is never
 * held across I/O waits. Every message carries a {@code uuid} ("持有相同uuid的请求1小时内至多成功执行一次"), so a
 * retried send or reply is not delivered twice. Bodies are {@code post} rich text rendered by {@link FeishuMessages}
 * (which says why), with a {@code text} fallback above the 30 KB post limit.
 */
final class FeishuApiClient {
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
  static final int MAX_UUID_LENGTH = 50;

  private static final String TOKEN_PATH = "/open-apis/auth/v3/tenant_access_token/internal";
  private static final String MESSAGES_PATH = "/open-apis/im/v1/messages";
  private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private final WebClient web;
  private final String apiBase;
  private final String appId;
  private final String appSecret;
  private final long timeoutMs;
  private final Clock clock;
  private Token cached;
  private Future<Token> refreshing;

  FeishuApiClient(WebClient web, String apiBase, String appId, String appSecret, long timeoutMs, Clock clock) {
    this.web = Objects.requireNonNull(web, "web");
    this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    this.appId = Objects.requireNonNull(appId, "appId");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.timeoutMs = timeoutMs;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Replies to {@code messageId} (same chat, quoting it) with a uuid derived from that id and the reply. */
  Future<Void> reply(String messageId, OutboundMessage message) {
    if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
      return Future.failedFuture(PlatformException.local(FeishuResponses.PLATFORM, "no valid message_id to reply to"));
    }
    JsonObject body = FeishuMessages.apiBody(message).put("uuid", replyUuid(messageId, message));
    return post(MESSAGES_PATH + "/" + messageId + "/reply", body);
  }

  /** Sends to the group {@code chatId}; {@code idempotencyKey} becomes the {@code uuid}. */
  Future<Void> sendToChat(String chatId, OutboundMessage message, String idempotencyKey) {
    JsonObject body = FeishuMessages.apiBody(message).put("receive_id", chatId).put("uuid", uuid(idempotencyKey));
    return post(MESSAGES_PATH + "?receive_id_type=chat_id", body);
  }

  /** The cached token, or a fresh one when it is missing or within {@link #REFRESH_MARGIN} of expiry. */
  synchronized Future<String> token() {
    if (cached != null && clock.instant().isBefore(cached.refreshAt())) {
      return Future.succeededFuture(cached.value());
    }
    Future<Token> pending = refreshing;
    if (pending == null) {
      pending = fetchToken();
      refreshing = pending;
      Future<Token> mine = pending;
      pending.onComplete(result -> settle(mine, result));
    }
    return pending.map(Token::value);
  }

  /**
   * A stable uuid for one reply to one inbound message, at most 36 characters. It covers the reply's text too: a
   * retry of the same reply is dropped by Feishu as a repeat, but the parts of a reply the outbox had to split are
   * not taken for repeats of each other.
   */
  static String replyUuid(String messageId, OutboundMessage reply) {
    return UUID.nameUUIDFromBytes(("zwgk-feishu-reply:" + messageId + "\n" + reply.title() + "\n" + reply.markdown())
        .getBytes(UTF_8)).toString();
  }


  /** The key itself when Feishu accepts it (≤ 50 characters), else a stable name-based UUID of it. */
  static String uuid(String idempotencyKey) {
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    return idempotencyKey.length() <= MAX_UUID_LENGTH && !idempotencyKey.isEmpty() ? idempotencyKey
        : UUID.nameUUIDFromBytes(idempotencyKey.getBytes(UTF_8)).toString();
  }

  private synchronized void settle(Future<Token> settled, AsyncResult<Token> result) {
    if (refreshing == settled) {
      refreshing = null;
    }
    if (result.succeeded()) {
      cached = result.result();
    }
  }

  private Future<Token> fetchToken() {
    JsonObject credentials = new JsonObject().put("app_id", appId).put("app_secret", appSecret);
    return web.postAbs(apiBase + TOKEN_PATH)
        .timeout(timeoutMs)
        .putHeader("Content-Type", FeishuResponses.CONTENT_TYPE)
        .sendBuffer(credentials.toBuffer())
        .expecting(FeishuResponses.EXPECTED)
        .compose(FeishuResponses::check)
        .compose(this::toToken);
  }

  private Future<Token> toToken(JsonObject json) {
    Object value = json.getValue("tenant_access_token");
    Object expire = json.getValue("expire");
    if (!(value instanceof String token) || token.isEmpty() || !(expire instanceof Number seconds)) {
      return Future.failedFuture(PlatformException.local(FeishuResponses.PLATFORM,
          "token answer without tenant_access_token or expire"));
    }
    Instant expiresAt = clock.instant().plusSeconds(seconds.longValue());
    return Future.succeededFuture(new Token(token, expiresAt.minus(REFRESH_MARGIN)));
  }

  /**
   * Posts with the cached token; when Feishu refuses that token (99991663 invalid, 99991668 expired) it is dropped and
   * the post made again at once, once, with a fresh one.
   */
  private Future<Void> post(String path, JsonObject body) {
    return token().compose(token -> post(path, body, token).recover(e -> {
      if (!(e instanceof PlatformException p && p.tokenRejected())) {
        return Future.failedFuture(e);
      }
      return token().compose(fresh -> post(path, body, fresh));
    }));
  }

  private Future<Void> post(String path, JsonObject body, String token) {
    return web.postAbs(apiBase + path)
        .timeout(timeoutMs)
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", FeishuResponses.CONTENT_TYPE)
        .sendBuffer(body.toBuffer())
        .expecting(FeishuResponses.EXPECTED)
        .compose(FeishuResponses::check)
        .<Void>mapEmpty()
        .onFailure(e -> {
          if (e instanceof PlatformException p && p.tokenRejected()) {
            forget(token);
          }
        });
  }

  /** Drops the cached token if it is still {@code value} (a concurrent caller may have replaced it already). */
  private synchronized void forget(String value) {
    if (cached != null && cached.value().equals(value)) {
      cached = null;
    }
  }

  /** A tenant_access_token and the instant from which it must be refreshed. */
  private record Token(String value, Instant refreshAt) {
    @Override
    public String toString() {
      return "Token[refreshAt=" + refreshAt + "]";
    }
  }
}
