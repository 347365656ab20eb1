package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.GroupSender;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends to DingTalk groups, one attempt per call. A group with a custom robot (自定义机器人) webhook gets a markdown
 * POST there, signed with a fresh timestamp when it has a 加签 secret and carrying {@code msgUuid} so a retry is not
 * shown twice; a group with only a {@code conversationId} goes through the OpenAPI of the group's app robot.
 */
final class DingTalkGroupSender implements GroupSender {
  /**
   * Custom-robot bodies may reach 20000 bytes and OpenAPI {@code msgParam} 15000 bytes; the text keeps under both,
   * with room for title, mentions and the JSON envelope.
   */
  static final int MAX_TEXT_BYTES = 14_000;
  private static final String CONTENT_TYPE = "application/json;charset=utf-8";

  private final WebClient web;
  private final long timeoutMs;
  private final Map<String, DingTalkOpenApiClient> openApi;
  private final Clock clock;

  /** @param openApi the OpenAPI client of each robot that has OpenAPI credentials, by robot name */
  DingTalkGroupSender(WebClient web, Duration timeout, Map<String, DingTalkOpenApiClient> openApi, Clock clock) {
    this.web = web;
    this.timeoutMs = timeout.toMillis();
    this.openApi = Map.copyOf(openApi);
    this.clock = clock;
  }

  @Override
  public int maxTextBytes() {
    return MAX_TEXT_BYTES;
  }

  @Override
  public Future<Void> send(GroupConfig group, OutboundMessage message, String idempotencyKey) {
    if (group.webhook().isPresent()) {
      return sendToWebhook(group.webhook().get().value(), group.webhookSecret(), message, idempotencyKey);
    }
    if (group.conversationId().isEmpty()) {
      return fail("group " + group.name() + " has neither a webhook nor a conversationId");
    }
    DingTalkOpenApiClient api = openApi.get(group.robot());
    if (api == null) {
      return fail("group " + group.name() + " has no webhook and robot " + group.robot()
          + " has no OpenAPI credentials");
    }
    return api.sendToGroup(group.conversationId().get(), message);
  }

  private Future<Void> sendToWebhook(String webhook, Optional<Secret> secret, OutboundMessage message,
      String idempotencyKey) {
    String url = secret.map(s -> webhook + (webhook.contains("?") ? "&" : "?")
        + DingTalkSignature.signQuery(clock.millis(), s.value())).orElse(webhook);
    JsonObject body = DingTalkReplyClient.body(message).put("msgUuid", idempotencyKey);
    return web.postAbs(url)
        .timeout(timeoutMs)
        .putHeader("Content-Type", CONTENT_TYPE)
        .sendBuffer(body.toBuffer())
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .compose(DingTalkReplyClient::checkErrcode);
  }

  private static Future<Void> fail(String message) {
    return Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM, message));
  }
}
