package io.zwgk.bot.chat;

import io.vertx.core.Future;

/**
 * What answers a chat message's command ({@code command.CommandService}): the chat core depends on this, not on the
 * commands, so the features that send through the outbox never form a cycle with the chat core.
 */
@FunctionalInterface
public interface CommandHandler {
  /** The reply to one command; never fails (a failure is answered in words). */
  Future<Reply> handle(CommandRequest request);
}
