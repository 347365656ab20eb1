package io.zwgk.bot.chat.feishu;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.GroupSender;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends to a Feishu group, one attempt per call. A group with a {@code webhook} goes through its custom bot (自定义机器人):
 * {@code POST …/open-apis/bot/v2/hook/{token}} (the full URL, or just the token, resolved against the API base), with
 * {@code timestamp} (seconds) and {@code sign} in the JSON body when the group has a 加签 secret. A group with only a
 * {@code conversationId} (chat_id) goes through its robot's app and the send API, with the idempotency key as
 * {@code uuid}. Custom bots can @-mention only by open_id ({@code <at user_id="ou_…">}); Feishu has no mention by
 * mobile number, so {@link OutboundMessage#atMobiles()} is ignored.
 *
 * <p>Error codes come out as {@link PlatformException}: 9499 "too many request" and 11232 are
 * {@linkplain PlatformException#throttled() throttled}, 19021 (sign or timestamp), 19022 (IP) and 19024 (keyword) are
 * {@linkplain PlatformException#permanent() permanent}.
 */
final class FeishuGroupSender implements GroupSender {
  /** Custom-bot bodies may not exceed 20 KB; the rest is room for the JSON envelope, escaping and mentions. */
  static final int MAX_TEXT_BYTES = 18_000;

  private static final String HOOK_PATH = "/open-apis/bot/v2/hook/";

  private final WebClient web;
  private final String apiBase;
  private final long timeoutMs;
  private final Clock clock;
  private final Function<String, Optional<FeishuApiClient>> apps;

  /** @param apps the app client of a robot by name, empty when that robot has no App ID/App Secret */
  FeishuGroupSender(WebClient web, String apiBase, long timeoutMs, Clock clock,
      Function<String, Optional<FeishuApiClient>> apps) {
    this.web = Objects.requireNonNull(web, "web");
    this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    this.timeoutMs = timeoutMs;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.apps = Objects.requireNonNull(apps, "apps");
  }

  @Override
  public int maxTextBytes() {
    return MAX_TEXT_BYTES;
  }

  @Override
  public Future<Void> send(GroupConfig group, OutboundMessage message, String idempotencyKey) {
    if (group.webhook().isPresent()) {
      return sendWebhook(group.webhook().get().value(), group.webhookSecret(), message);
    }
    if (group.conversationId().isPresent()) {
      return apps.apply(group.robot())
          .map(app -> app.sendToChat(group.conversationId().get(), message, idempotencyKey))
          .orElseGet(() -> fail("feishu robot " + group.robot() + " has no App ID/App Secret for group "
              + group.name()));
    }
    return fail("feishu group " + group.name() + " has neither a webhook nor a conversationId");
  }

  private Future<Void> sendWebhook(String webhook, Optional<Secret> secret, OutboundMessage message) {
    JsonObject body = FeishuMessages.customBotBody(message);
    if (secret.isPresent()) {
      long timestamp = clock.instant().getEpochSecond();
      body.put("timestamp", String.valueOf(timestamp))
          .put("sign", FeishuCrypto.customBotSign(timestamp, secret.get().value()));
    }
    return web.postAbs(url(webhook))
        .timeout(timeoutMs)
        .putHeader("Content-Type", FeishuResponses.CONTENT_TYPE)
        .sendBuffer(body.toBuffer())
        .expecting(FeishuResponses.EXPECTED)
        .compose(FeishuResponses::check)
        .mapEmpty();
  }

  private String url(String webhook) {
    String hook = webhook.strip();
    return hook.startsWith("https://") || hook.startsWith("http://") ? hook : apiBase + HOOK_PATH + hook;
  }

  private static Future<Void> fail(String reason) {
    return Future.failedFuture(PlatformException.local(FeishuResponses.PLATFORM, reason));
  }
}
