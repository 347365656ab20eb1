package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.ReplyHandle;
import io.zwgk.bot.chat.ReplyOrigins;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers 智能机器人 messages. A message that came over a long connection (its handle carries the callback's
 * {@code req_id}) is answered over that robot's socket ({@link WeComConnections}); a webhook message is answered by
 * POSTing markdown to its {@code response_url}, once, within the hour. Without either the reply fails with code
 * {@code -1}; so does a {@code response_url} whose origin is not WeCom's ({@link #WECOM_ORIGINS} or that of
 * {@code WECOM_API_BASE}), which is never fetched. The sender is not @-mentioned: the answer goes to the conversation the user addressed.
 */
final class WeComReplyChannel implements ReplyChannel {
  private static final String PLATFORM = WeComMessageDecoder.PLATFORM;
  /** {@code response_url} takes a markdown message; 4096 bytes as for group robots. */
  static final int RESPONSE_URL_MAX_BYTES = 4096;

  private static final Logger log = LoggerFactory.getLogger(WeComReplyChannel.class);
  /** WeCom's own API host; the platform adds the origin of {@code WECOM_API_BASE}. */
  static final List<String> WECOM_ORIGINS = List.of("https://qyapi.weixin.qq.com");

  private final WebClient web;
  private final ReplyOrigins origins;
  private final long timeoutMs;
  private final WeComConnections connections;
  private final Clock clock;

  WeComReplyChannel(WebClient web, long timeoutMs, WeComConnections connections, Clock clock) {
    this(web, timeoutMs, connections, clock, ReplyOrigins.of(WECOM_ORIGINS));
  }

  /** @param origins where a {@code response_url} may point */
  WeComReplyChannel(WebClient web, long timeoutMs, WeComConnections connections, Clock clock, ReplyOrigins origins) {
    this.web = Objects.requireNonNull(web, "web");
    this.origins = Objects.requireNonNull(origins, "origins");
    this.timeoutMs = timeoutMs;
    this.connections = Objects.requireNonNull(connections, "connections");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Future<Void> reply(InboundMessage to, OutboundMessage message) {
    ReplyHandle handle = to.reply();
    String reqId = handle.attributes().get(WeComMessageDecoder.REQ_ID);
    if (reqId != null) {
      return connections.respond(to.robot(), reqId, message.markdown());
    }
    if (handle.url().isEmpty()) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "no reply channel: response_url missing"));
    }
    if (!origins.allows(handle.url())) {
      log.warn("wecom message {}: response_url origin {} is not WeCom's; never fetched", to.messageId(),
          ReplyOrigins.describe(handle.url()));
      return Future.failedFuture(PlatformException.local(PLATFORM, "response_url host not allowed"));
    }
    if (!clock.instant().isBefore(handle.expiresAt())) {
      return Future.failedFuture(PlatformException.local(PLATFORM, "response_url expired"));
    }
    String content = WeComText.fit(message.markdown(), RESPONSE_URL_MAX_BYTES);
    return web.postAbs(handle.url())
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .sendBuffer(WeComGroupSender.markdownBody(content).toBuffer())
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .compose(WeComResponses::check);
  }
}
