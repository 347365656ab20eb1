package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.zwgk.bot.config.GroupConfig;

/**
 * Sends one message to a configured group through the platform's group robot webhook or API. Called only by the
 * outbox dispatcher, which paces calls per robot, splits messages to {@link #maxTextBytes()} and retries failures;
 * an implementation makes exactly one attempt and fails with {@link PlatformException} on a platform error code.
 */
public interface GroupSender {
  /** The most UTF-8 bytes of message text one message may carry on this platform, with room for the envelope. */
  int maxTextBytes();

  /**
   * @param idempotencyKey stable across retries of the same message; passed to the platform where it supports one
   *     (DingTalk {@code msgUuid}, Feishu {@code uuid})
   */
  Future<Void> send(GroupConfig group, OutboundMessage message, String idempotencyKey);
}
