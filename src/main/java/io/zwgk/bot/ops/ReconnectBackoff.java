package io.zwgk.bot.ops;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a long connection waits before reconnecting after a number of consecutive failures: {@code initial}
 * doubled per failure up to {@code max}, plus a random share of up to {@code jitter} of that, so many robots do not
 * reconnect in lockstep. Stateless: the connection owning it counts its failures.
 *
 * @param initial the wait after the first failure
 * @param max the largest wait before jitter
 * @param jitter the largest extra share, between 0 and 1
 */
public record ReconnectBackoff(Duration initial, Duration max, double jitter) {
  /** 1 s, 2 s, 4 s … 60 s, each plus up to a quarter more. */
  public static final ReconnectBackoff DEFAULT =
      new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.25);

  public ReconnectBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be between 0 and 1");
    }
  }

  /**
   * @param failures consecutive failures so far, 0 for the first reconnect after a working connection
   * @param random a uniform random number in [0, 1)
   */
  public Duration delay(int failures, double random) {
    long maxMs = max.toMillis();
    long base = initial.toMillis();
    for (int i = 0; i < failures && base < maxMs; i++) {
      base *= 2;
    }
    return withJitter(Math.min(base, maxMs), random);
  }

  /**
   * The longest wait, for failures that retrying soon cannot fix (a rejected bot id or secret).
   *
   * @param random a uniform random number in [0, 1)
   */
  public Duration longest(double random) {
    return withJitter(max.toMillis(), random);
  }

  private Duration withJitter(long base, double random) {
    double share = Math.min(Math.max(random, 0), 1) * jitter;
    return Duration.ofMillis(base + (long) (base * share));
  }
}
