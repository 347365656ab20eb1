package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reconnect timer the test drives: records every reconnect the verticle asks for, with its delay, and runs one
 * only when the test fires it, on the verticle's context. No wall-clock time decides whether or when a test
 * reconnects.
 */
final class ManualReconnectTimer implements ReconnectTimer {
  /** One requested reconnect. */
  record Request(Duration delay, Context context, Runnable attempt) {
    void fire() {
      context.runOnContext(v -> attempt.run());
    }
  }

  final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

  @Override
  public void schedule(Vertx vertx, Duration delay, Runnable attempt) {
    requests.add(new Request(delay, vertx.getOrCreateContext(), attempt));
  }

  /** The next requested reconnect, waiting up to 10 s (a safety net: the request follows a close at once). */
  Request next() throws InterruptedException {
    Request r = requests.poll(10, TimeUnit.SECONDS);
    assertThat(r).as("a reconnect request within 10 s").isNotNull();
    return r;
  }
}
