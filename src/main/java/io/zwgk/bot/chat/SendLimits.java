package io.zwgk.bot.chat;

import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.List;

/**
 * One platform's documented send limits per robot, supplied by its {@link ChatPlatform}: the windows every robot must
 * respect, and how long a robot rests after the platform said "too fast".
 */
public record SendLimits(List<Limit> windows, Duration throttlePause) {
  /** No windows, and the usual minute's rest after a throttle (a platform that is not configured). */
  public static final SendLimits NONE = new SendLimits(List.of(), Duration.ofMinutes(1));

  public SendLimits {
    windows = List.copyOf(windows);
  }
}
