package io.zwgk.bot.chat;

import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How many commands one sender (a person, or another robot answering ours) may have answered, so a flooding user or
 * two robots answering each other cannot keep the robot talking.
 *
 * @param perSender every window a sender's commands must respect; empty means no limit
 * @param noticeEvery how often, at most, an over-budget sender is told "too fast"; otherwise the robot stays silent
 */
public record SenderLimits(List<Limit> perSender, Duration noticeEvery) {
  public SenderLimits {
    perSender = List.copyOf(perSender);
    Objects.requireNonNull(noticeEvery, "noticeEvery");
    if (noticeEvery.isNegative() || noticeEvery.isZero()) {
      throw new IllegalArgumentException("noticeEvery must be positive");
    }
  }

  /** 10 commands per minute and 60 per hour per sender; one notice per hour at most. */
  public static SenderLimits defaults() {
    return new SenderLimits(List.of(new Limit(Duration.ofMinutes(1), 10), new Limit(Duration.ofHours(1), 60)),
        Duration.ofHours(1));
  }

  /** No per-sender limit (benchmarks, tests of other behaviour). */
  public static SenderLimits none() {
    return new SenderLimits(List.of(), Duration.ofHours(1));
  }
}
