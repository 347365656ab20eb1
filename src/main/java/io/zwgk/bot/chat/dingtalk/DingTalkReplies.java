package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Future;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.ReplyHandle;
import io.zwgk.bot.chat.ReplyOrigins;
import io.zwgk.bot.ops.SafeText;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers DingTalk messages: through the message's {@code sessionWebhook} while it lives, then through the OpenAPI
 * group send of the robot that received the message. Without that robot's {@code clientId}/{@code clientSecret} an
 * expired message fails with code -1. A {@code sessionWebhook} whose origin is not DingTalk's ({@link #origins}) is
 * never fetched: the message is answered through the OpenAPI when it can be, else the reply fails with code -1
 * (permanent: logged and dropped).
 */
final class DingTalkReplies implements ReplyChannel {
  private static final Logger log = LoggerFactory.getLogger(DingTalkReplies.class);
  /** DingTalk's own hosts; the platform adds the origin of {@code DINGTALK_API_BASE}. */
  static final List<String> DINGTALK_ORIGINS = List.of("https://oapi.dingtalk.com", "https://api.dingtalk.com");

  private final DingTalkReplyClient session;
  private final ReplyOrigins origins;
  private final Map<String, DingTalkOpenApiClient> openApi;
  private final Clock clock;

  /** @param openApi the OpenAPI client of each robot that has OpenAPI credentials, by robot name */
  DingTalkReplies(DingTalkReplyClient session, Map<String, DingTalkOpenApiClient> openApi, Clock clock) {
    this(session, openApi, clock, ReplyOrigins.of(DINGTALK_ORIGINS));
  }

  /** @param origins where a {@code sessionWebhook} may point */
  DingTalkReplies(DingTalkReplyClient session, Map<String, DingTalkOpenApiClient> openApi, Clock clock,
      ReplyOrigins origins) {
    this.session = session;
    this.origins = origins;
    this.openApi = Map.copyOf(openApi);
    this.clock = clock;
  }

  @Override
  public Future<Void> reply(InboundMessage to, OutboundMessage message) {
    Instant now = clock.instant();
    ReplyHandle handle = to.reply();
    boolean foreign = !handle.url().isEmpty() && !origins.allows(handle.url());
    if (foreign) {
      log.warn("dingtalk message {}: sessionWebhook origin {} is not DingTalk's; never fetched", to.messageId(),
          SafeText.redact(ReplyOrigins.describe(handle.url())));
    } else if (!handle.url().isEmpty() && now.isBefore(handle.expiresAt())) {
      return session.reply(handle, message, now);
    }
    String why = foreign ? "sessionWebhook host not allowed" : "sessionWebhook expired";
    DingTalkOpenApiClient api = openApi.get(to.robot());
    if (api == null) {
      return Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM,
          why + " and no OpenAPI credentials"));
    }
    if (to.conversationId().isEmpty()) {
      return Future.failedFuture(PlatformException.local(DingTalkApiErrors.PLATFORM,
          why + " and the message has no conversationId"));
    }
    return api.sendToGroup(to.conversationId(), message);
  }
}
