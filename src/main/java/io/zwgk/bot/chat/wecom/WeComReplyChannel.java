package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyChannel;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Clock;
import java.util.Objects;

/**
 * Answers 智能机器人 messages. A message that came over a long connection (its handle carries the callback's
 * {@code req_id}) is answered over that robot's socket ({@link WeComConnections}); a webhook message is answered by
 * POSTing markdown to its {@code response_url}, once, within the hour. Without either the reply fails with code
 * {@code -1}. The sender is not @-mentioned: the answer goes to the conversation the user addressed.
 */
final class WeComReplyChannel implements ReplyChannel {
  private static final String PLATFORM = WeComMessageDecoder.PLATFORM;
  /** {@code response_url} takes a markdown message; 4096 bytes as for group robots. */
  static final int RESPONSE_URL_MAX_BYTES = 4096;

  private final WebClient web;
  private final long timeoutMs;
  private final WeComConnections connections;
  private final Clock clock;

  WeComReplyChannel(WebClient web, long timeoutMs, WeComConnections connections, Clock clock) {
    this.web = Objects.requireNonNull(web, "web");
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
      return Future.failedFuture(new PlatformException(PLATFORM, -1, "no reply channel: response_url missing"));
    }
    if (!clock.instant().isBefore(handle.expiresAt())) {
      return Future.failedFuture(new PlatformException(PLATFORM, -1, "response_url expired"));
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
