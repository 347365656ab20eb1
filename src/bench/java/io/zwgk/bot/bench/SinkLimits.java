package io.zwgk.bot.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The send limits the sink enforces per robot, as the platforms state them (at most {@code max} messages in any
 * {@code window}), judged on the sink's own arrival times, strictly or with a little slack. Also computes the shortest time a
 * perfectly paced sender needs for {@code n} messages under the same limits, the yardstick of achieved rate.
 */
record SinkLimits(Map<String, List<Window>> byPlatform, Duration tolerance) {
  /** At most {@code max} messages in any window of this length. */
  record Window(Duration length, int max) {
  }

  static SinkLimits none() {
    return new SinkLimits(Map.of(), Duration.ZERO);
  }

  /**
   * DingTalk and Feishu as DeliveryPolicy.defaults() describes them (platforms.md §4), judged with {@code tolerance}
   * of slack: a message may arrive that much before its window strictly allows.
   */
  static SinkLimits platforms(Duration tolerance) {
    return new SinkLimits(Map.of(
        "dingtalk", List.of(new Window(Duration.ofMinutes(1), 20)),
        "feishu", List.of(new Window(Duration.ofSeconds(1), 5), new Window(Duration.ofMinutes(1), 100))), tolerance);
  }

  /**
   * How much too early (ns) one more message arriving at {@code now} would be, given the robot's earlier accepted
   * arrivals; 0 when every window allows it. A window counts the arrivals in {@code (now - length + tolerance, now]}.
   */
  long shortfall(String platform, List<Long> arrivals, long now) {
    long worst = 0;
    for (Window w : byPlatform.getOrDefault(platform, List.of())) {
      int n = arrivals.size();
      if (n >= w.max()) {
        long permittedFrom = arrivals.get(n - w.max()) + w.length().toNanos() - tolerance.toNanos();
        worst = Math.max(worst, permittedFrom - now);
      }
    }
    return worst;
  }

  /** The least time (ns) from the first to the last of {@code n} messages that the limits permit. */
  long idealSpanNanos(String platform, int n) {
    List<Window> windows = byPlatform.getOrDefault(platform, List.of());
    long[] at = new long[n];
    for (int i = 1; i < n; i++) {
      long t = at[i - 1];
      for (Window w : windows) {
        if (i >= w.max()) {
          t = Math.max(t, at[i - w.max()] + w.length().toNanos());
        }
      }
      at[i] = t;
    }
    return n == 0 ? 0 : at[n - 1];
  }
}
