package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Future;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Answers DingTalk messages: through the message's {@code sessionWebhook} while it lives, then through the OpenAPI
 * group send of the robot that received the message. Without that robot's {@code clientId}/{@code clientSecret} an
 * expired message fails with code -1.
 */
final class DingTalkReplies implements ReplyChannel {
  private final DingTalkReplyClient session;
  private final Map<String, DingTalkOpenApiClient> openApi;
  private final Clock clock;

  /** @param openApi the OpenAPI client of each robot that has OpenAPI credentials, by robot name */
  DingTalkReplies(DingTalkReplyClient session, Map<String, DingTalkOpenApiClient> openApi, Clock clock) {
    this.session = session;
    this.openApi = Map.copyOf(openApi);
    this.clock = clock;
  }

  @Override
  public Future<Void> reply(InboundMessage to, OutboundMessage message) {
    Instant now = clock.instant();
    ReplyHandle handle = to.reply();
    if (!handle.url().isEmpty() && now.isBefore(handle.expiresAt())) {
      return session.reply(handle, message, now);
    }
    DingTalkOpenApiClient api = openApi.get(to.robot());
    if (api == null) {
      return Future.failedFuture(new PlatformException(DingTalkApiErrors.PLATFORM, -1,
          "sessionWebhook expired and no OpenAPI credentials"));
    }
    if (to.conversationId().isEmpty()) {
      return Future.failedFuture(new PlatformException(DingTalkApiErrors.PLATFORM, -1,
          "sessionWebhook expired and the message has no conversationId"));
    }
    return api.sendToGroup(to.conversationId(), message);
  }
}
