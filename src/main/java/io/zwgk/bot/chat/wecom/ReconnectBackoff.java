package io.zwgk.bot.chat.wecom;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: {@code initial}, doubling per failed attempt up to {@code max}, each plus up to 20 % random
 * jitter so many robots do not reconnect in step. {@link #reset()} after a successful subscribe. Not thread-safe:
 * used on the owning verticle's context.
 */
final class ReconnectBackoff {
  private static final double JITTER = 0.2;

  private final Duration initial;
  private final Duration max;
  private final DoubleSupplier random;
  private int attempt;

  /** @param random uniform values in [0, 1) */
  ReconnectBackoff(Duration initial, Duration max, DoubleSupplier random) {
    if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max");
    }
    this.initial = initial;
    this.max = max;
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The delay before the next attempt; each call doubles the base until it reaches {@code max}. */
  Duration next() {
    Duration base = max;
    if (attempt < 30) {
      Duration doubled = initial.multipliedBy(1L << attempt);
      base = doubled.compareTo(max) < 0 ? doubled : max;
    }
    attempt++;
    return withJitter(base);
  }

  /** The longest delay, for failures that retrying soon cannot fix (bad bot id or secret). */
  Duration slow() {
    return withJitter(max);
  }

  void reset() {
    attempt = 0;
  }

  private Duration withJitter(Duration base) {
    return base.plusMillis((long) (base.toMillis() * JITTER * random.getAsDouble()));
  }
}
