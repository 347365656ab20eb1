package io.zwgk.bot.chat.wecom;

import io.vertx.core.Vertx;
import java.time.Duration;

/** Starts a long connection's next attempt after its backoff: a Vert.x timer, or a hand-driven one in tests. */
@FunctionalInterface
interface ReconnectTimer {
  ReconnectTimer VERTX = (vertx, delay, attempt) ->
      vertx.setTimer(Math.max(1, delay.toMillis()), id -> attempt.run());

  /** Called on the verticle's context; {@code attempt} must run on that context too. */
  void schedule(Vertx vertx, Duration delay, Runnable attempt);
}
