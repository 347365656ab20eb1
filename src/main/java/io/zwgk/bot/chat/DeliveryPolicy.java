package io.zwgk.bot.chat;

import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the outbox paces and retries: each platform's per-robot send limits, how long a throttled robot rests, the
 * retry backoff and when to give up.
 *
 * @param limits per platform, every window a robot must respect
 * @param throttlePause per platform, how long a robot rests after the platform said "too fast"
 * @param pollInterval how often the dispatcher looks for due lanes
 * @param lease how long a claimed lane belongs to one instance (longer than any send)
 * @param batch lanes claimed per poll
 * @param maxAttempts failed attempts before a message is dead-lettered
 * @param firstBackoff the wait after the first failure, doubled after each further one
 * @param maxBackoff the longest wait between attempts
 */
public record DeliveryPolicy(Map<String, List<Limit>> limits, Map<String, Duration> throttlePause,
    Duration pollInterval, Duration lease, int batch, int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

  public DeliveryPolicy {
    limits = Map.copyOf(limits);
    throttlePause = Map.copyOf(throttlePause);
  }

  /** The platforms' documented limits (platforms.md §4): DingTalk and WeCom 20/min; Feishu 5/s and 100/min. */
  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(
        Map.of("dingtalk", List.of(new Limit(Duration.ofMinutes(1), 20)),
            "wecom", List.of(new Limit(Duration.ofMinutes(1), 20)),
            "feishu", List.of(new Limit(Duration.ofSeconds(1), 5), new Limit(Duration.ofMinutes(1), 100))),
        Map.of("dingtalk", Duration.ofMinutes(10), "wecom", Duration.ofMinutes(1), "feishu", Duration.ofMinutes(1)),
        Duration.ofMillis(200), Duration.ofSeconds(30), 64, 8, Duration.ofSeconds(5), Duration.ofMinutes(30));
  }

  /** The same policy without rate limits (benchmarks against a local sink). */
  public DeliveryPolicy unlimited() {
    return new DeliveryPolicy(Map.of(), throttlePause, pollInterval, lease, batch, maxAttempts, firstBackoff,
        maxBackoff);
  }

  /**
   * The platform's windows, each lengthened by {@link #WINDOW_MARGIN} so that a message arriving a few milliseconds
   * after we let it go still lands inside the platform's own window count.
   */
  public List<Limit> limitsOf(String platform) {
    return limits.getOrDefault(platform, List.of()).stream()
        .map(l -> new Limit(l.window().plus(WINDOW_MARGIN), l.max())).toList();
  }

  /** Safety margin added to every rate window (the benchmark saw sends arrive 2–17 ms after leaving). */
  static final Duration WINDOW_MARGIN = Duration.ofMillis(25);

  public Duration pauseOf(String platform) {
    return throttlePause.getOrDefault(platform, Duration.ofMinutes(1));
  }

  /** The wait after {@code attempts} failures: doubling from {@link #firstBackoff}, capped, with ±20 % jitter. */
  public Duration backoff(int attempts, double random) {
    long base = firstBackoff.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    return Duration.ofMillis(Math.round(capped * (0.8 + 0.4 * random)));
  }
}
