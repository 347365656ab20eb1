package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One app robot's DingTalk OpenAPI: the app access token ({@code /v1.0/oauth2/accessToken}), markdown group sends
 * ({@code /v1.0/robot/groupMessages/send}) and the download URLs of files sent to the robot
 * ({@code /v1.0/robot/messageFiles/download}). The token is cached until five minutes before it expires; callers that
 * need a new one while it is being fetched share that one request. A send rejected for its token (HTTP 401
 * {@code InvalidAuthentication}, 40014, 42001) forgets that token and is sent again at once, once, with a freshly
 * fetched one. Safe to call from any context; results arrive on the caller's context.
 */
final class DingTalkOpenApiClient {
  static final String TOKEN_PATH = "/v1.0/oauth2/accessToken";
  static final String SEND_PATH = "/v1.0/robot/groupMessages/send";
  static final String FILE_PATH = "/v1.0/robot/messageFiles/download";
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
  private static final String CONTENT_TYPE = "application/json;charset=utf-8";

  private final Vertx vertx;
  private final WebClient web;
  private final String apiBase;
  private final String clientId;
  private final String clientSecret;
  private final long timeoutMs;
  private final Clock clock;
  private Token token;
  private Future<Token> pending;

  private record Token(String value, Instant refreshAt) {
  }

  /**
   * @param apiBase {@code https://api.dingtalk.com} or a test double, without a trailing slash
   * @param clientId the app's AppKey, also the {@code robotCode} of its robot
   */
  DingTalkOpenApiClient(Vertx vertx, WebClient web, String apiBase, String clientId, String clientSecret,
      Duration timeout, Clock clock) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.web = Objects.requireNonNull(web, "web");
    this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
    this.timeoutMs = timeout.toMillis();
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sends {@code message} as {@code sampleMarkdown} to the group {@code openConversationId}; one attempt. */
  Future<Void> sendToGroup(String openConversationId, OutboundMessage message) {
    JsonObject param = new JsonObject().put("title", message.title()).put("text", message.markdown());
    JsonObject body = new JsonObject()
        .put("msgParam", param.encode())
        .put("msgKey", "sampleMarkdown")
        .put("openConversationId", openConversationId)
        .put("robotCode", clientId);
    return accessToken().compose(t -> send(body, t).recover(e -> {
      if (!DingTalkApiErrors.tokenRejected(e)) {
        return Future.failedFuture(e);
      }
      return accessToken().compose(fresh -> send(body, fresh));
    }));
  }

  /**
   * The short-lived URL of a file sent to this robot, from the message's {@code downloadCode}; a token rejected is
   * fetched again once, as for sends.
   */
  Future<String> fileUrl(String downloadCode) {
    JsonObject body = new JsonObject().put("downloadCode", downloadCode).put("robotCode", clientId);
    return accessToken().compose(t -> fileUrl(body, t).recover(e -> DingTalkApiErrors.tokenRejected(e)
        ? accessToken().compose(fresh -> fileUrl(body, fresh)) : Future.failedFuture(e)));
  }

  private Future<String> fileUrl(JsonObject body, String accessToken) {
    return post(FILE_PATH, body, accessToken).compose(response -> {
      JsonObject json;
      try {
        json = response.bodyAsJsonObject();
      } catch (RuntimeException e) {
        json = null;
      }
      return json != null && json.getValue("downloadUrl") instanceof String url && !url.isEmpty()
          ? Future.succeededFuture(url)
          : Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM,
              "file download answer lacks downloadUrl"));
    });
  }

  private Future<HttpResponse<Buffer>> post(String path, JsonObject body, String accessToken) {
    return web.postAbs(apiBase + path)
        .timeout(timeoutMs)
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("x-acs-dingtalk-access-token", accessToken)
        .sendBuffer(body.toBuffer())
        .expecting(DingTalkApiErrors.SUCCESS)
        .onFailure(e -> {
          if (DingTalkApiErrors.tokenRejected(e)) {
            forget(accessToken);
          }
        });
  }

  private Future<Void> send(JsonObject body, String accessToken) {
    return post(SEND_PATH, body, accessToken).mapEmpty();
  }

  /** A valid access token: the cached one, or one fetched (once, however many callers ask meanwhile). */
  Future<String> accessToken() {
    Future<Token> shared;
    synchronized (this) {
      if (token != null && clock.instant().isBefore(token.refreshAt())) {
        return Future.succeededFuture(token.value());
      }
      if (pending == null) {
        Future<Token> started = fetchToken();
        pending = started;
        started.onComplete(this::settle);
      }
      shared = pending;
    }
    Context context = vertx.getOrCreateContext();
    return Future.fromCompletionStage(shared.map(Token::value).toCompletionStage(), context);
  }

  private synchronized void settle(AsyncResult<Token> fetched) {
    pending = null;
    if (fetched.succeeded()) {
      token = fetched.result();
    }
  }

  /** Drops the cached token if it is still {@code value} (another caller may have replaced it meanwhile). */
  private synchronized void forget(String value) {
    if (token != null && token.value().equals(value)) {
      token = null;
    }
  }

  private Future<Token> fetchToken() {
    JsonObject body = new JsonObject().put("appKey", clientId).put("appSecret", clientSecret);
    return web.postAbs(apiBase + TOKEN_PATH)
        .timeout(timeoutMs)
        .putHeader("Content-Type", CONTENT_TYPE)
        .sendBuffer(body.toBuffer())
        .expecting(DingTalkApiErrors.SUCCESS)
        .compose(this::token);
  }

  private Future<Token> token(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = response.bodyAsJsonObject();
    } catch (RuntimeException e) {
      json = null;
    }
    if (json == null || !(json.getValue("accessToken") instanceof String value) || value.isEmpty()
        || !(json.getValue("expireIn") instanceof Number expireIn)) {
      return Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM,
          "access token response lacks accessToken or expireIn"));
    }
    Instant refreshAt = clock.instant().plusSeconds(expireIn.longValue()).minus(REFRESH_MARGIN);
    return Future.succeededFuture(new Token(value, refreshAt));
  }
}
