package io.zwgk.bot.testing;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a future in a test thread, failing the test when it never completes instead of hanging the run. */
public final class Completion {
  /** Far longer than any Redis or HTTP timeout of the service: reaching it means something hangs. */
  public static final Duration HANG = Duration.ofSeconds(20);

  private Completion() {
  }

  /** The future's result; an {@link AssertionError} when it is still pending after {@link #HANG}. */
  public static <T> T of(Future<T> future) {
    try {
      return future.await(HANG.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("did not complete within " + HANG.toSeconds() + " s: something hangs", e);
    }
  }
}
