package io.zwgk.bot.chat;

import io.vertx.core.Deployable;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * One chat platform's adapter, built from its configured robots: webhook endpoints, long-lived connections, replies
 * and group sends. Built before the {@link ChatService} (which needs its {@link #replies()}), then given the service.
 */
public interface ChatPlatform {
  /** {@code dingtalk}, {@code wecom} or {@code feishu}. */
  String name();

  /** Mounts {@code /hooks/{platform}} (the default robot) and {@code /hooks/{platform}/{robot}} for webhook robots. */
  void mount(Router router, ChatService chat);

  /** One verticle per stream/long-connection robot, each owning its connection and reconnecting by itself. */
  List<Deployable> connections(ChatService chat);

  /** Answers inbound messages of this platform. */
  ReplyChannel replies();

  /** Sends to configured groups of this platform. */
  GroupSender groups();

  /** The platform's documented per-robot send limits, which the outbox keeps to. */
  SendLimits sendLimits();

  /** How files attached to this platform's messages are downloaded; none by default. */
  default FileDownloader files() {
    return FileDownloader.NONE;
  }
}
