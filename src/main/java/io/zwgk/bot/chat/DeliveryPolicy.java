package io.zwgk.bot.chat;

import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the outbox paces and retries: how long a claimed lane is held, the retry backoff and when to give up. Each
 * platform's own send limits come from its {@link ChatPlatform#sendLimits()}; the policy may replace them per
 * platform (tests, benchmarks) or switch pacing off.
 *
 * @param limits per platform, windows that replace the platform's own (empty: every platform keeps its own)
 * @param throttlePause per platform, a rest after "too fast" that replaces the platform's own
 * @param pollInterval how often the dispatcher looks for due lanes
 * @param lease how long a claimed lane belongs to one instance (longer than any send)
 * @param batch lanes claimed per poll
 * @param maxAttempts failed attempts before a message is dead-lettered
 * @param firstBackoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param paced false when no rate windows apply at all ({@link #unlimited()})
 */
public record DeliveryPolicy(Map<String, List<Limit>> limits, Map<String, Duration> throttlePause,
    Duration pollInterval, Duration lease, int batch, int maxAttempts, Duration firstBackoff, Duration maxBackoff,
    boolean paced) {

  public DeliveryPolicy {
    limits = Map.copyOf(limits);
    throttlePause = Map.copyOf(throttlePause);
  }

  /** A paced policy. */
  public DeliveryPolicy(Map<String, List<Limit>> limits, Map<String, Duration> throttlePause, Duration pollInterval,
      Duration lease, int batch, int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
    this(limits, throttlePause, pollInterval, lease, batch, maxAttempts, firstBackoff, maxBackoff, true);
  }

  /** Each platform's own limits; polling every 200 ms, 8 attempts, backoff from 5 s to 30 min. */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(Map.of(), Map.of(), Duration.ofMillis(200), Duration.ofSeconds(30), 64, 8,
        Duration.ofSeconds(5), Duration.ofMinutes(30));
  }

  /** The same policy without rate limits (benchmarks against a local sink). */
  public DeliveryPolicy unlimited() {
    return new DeliveryPolicy(Map.of(), throttlePause, pollInterval, lease, batch, maxAttempts, firstBackoff,
        maxBackoff, false);
  }

  /**
   * The windows for {@code platform} (its {@code own} unless replaced), each lengthened by {@link #WINDOW_MARGIN} so
   * that a message arriving a few milliseconds after we let it go still lands inside the platform's own window count.
   */
  public List<Limit> limitsOf(String platform, SendLimits own) {
    List<Limit> windows = paced ? limits.getOrDefault(platform, own.windows()) : List.of();
    return windows.stream().map(l -> new Limit(l.window().plus(WINDOW_MARGIN), l.max())).toList();
  }

  /** Safety margin added to every rate window (the benchmark saw sends arrive 2–17 ms after leaving). */
  static final Duration WINDOW_MARGIN = Duration.ofMillis(25);

  /** How long a robot of {@code platform} rests after "too fast": its {@code own} pause unless replaced. */
  public Duration pauseOf(String platform, SendLimits own) {
    return throttlePause.getOrDefault(platform, own.throttlePause());
  }

  /** The wait after {@code attempts} failures: doubling from {@link #firstBackoff}, capped, with ±20 % jitter. */
  public Duration backoff(int attempts, double random) {
    long base = firstBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    return Duration.ofMillis(Math.round(capped * (0.8 + 0.4 * random)));
  }
}
