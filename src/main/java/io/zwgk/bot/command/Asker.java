package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.CommandRequest;
import java.util.Optional;
import java.util.function.Function;

/**
 * Who typed a command: the request, whether they are office staff (from bot-config, no Redis), and the
 * {@link Actor} with their bound unit, read from Redis once and only when a command needs it.
 */
final class Asker {
  private final CommandRequest request;
  private final boolean office;
  private final Function<CommandRequest, Future<Optional<String>>> unitOf;
  private Future<Actor> actor;

  Asker(CommandRequest request, boolean office, Function<CommandRequest, Future<Optional<String>>> unitOf) {
    this.request = request;
    this.office = office;
    this.unitOf = unitOf;
  }

  CommandRequest request() {
    return request;
  }

  boolean office() {
    return office;
  }

  /** The actor without their unit (no Redis read), for actions that need none. */
  Actor withoutUnit() {
    return new Actor(request.platform(), request.senderId(), request.senderName(), office, Optional.empty());
  }

  /** The actor with the unit they are bound to, if any. */
  Future<Actor> actor() {
    if (actor == null) {
      actor = unitOf.apply(request).map(unit -> new Actor(request.platform(), request.senderId(),
          request.senderName(), office, unit));
    }
    return actor;
  }
}
