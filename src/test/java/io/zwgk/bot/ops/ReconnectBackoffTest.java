package io.zwgk.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  private static final ReconnectBackoff DEFAULT = ReconnectBackoff.DEFAULT;
  private static final ReconnectBackoff FIFTH =
      new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

  @Test
  @DisplayName("without jitter the wait doubles from 1 s per failure and stops growing at 60 s")
  void doublesUpToMax() {
    assertThat(IntStream.range(0, 9).mapToObj(n -> DEFAULT.delay(n, 0).toMillis()))
        .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
    assertThat(IntStream.range(0, 9).mapToObj(n -> FIFTH.delay(n, 0).toMillis()))
        .containsExactly(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
  }

  @Test
  @DisplayName("jitter adds up to a quarter of the wait, never less than the wait itself")
  void jitterBounds() {
    assertThat(DEFAULT.delay(2, 0.5)).isEqualTo(Duration.ofMillis(4_500));
    assertThat(DEFAULT.delay(2, 0.999_999).toMillis()).isBetween(4_999L, 5_000L);
    assertThat(DEFAULT.delay(20, 0.999_999).toMillis()).isBetween(74_999L, 75_000L);
    assertThat(DEFAULT.delay(3, -1)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  @DisplayName("a jitter of 0.2 adds at most a fifth of the wait, to the longest wait too")
  void jitterOfAFifth() {
    assertThat(FIFTH.delay(0, 0.999).toMillis()).isEqualTo(1199L);
    assertThat(FIFTH.longest(0.999).toMillis()).isEqualTo(71988L);
  }

  @Test
  @DisplayName("the longest wait is the maximum whatever the failure count")
  void longest() {
    assertThat(FIFTH.longest(0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(DEFAULT.longest(0.5)).isEqualTo(Duration.ofMillis(67_500));
    assertThat(FIFTH.delay(0, 0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("a huge failure count does not overflow: the wait stays at the maximum")
  void noOverflow() {
    assertThat(DEFAULT.delay(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(60));
    assertThat(IntStream.range(0, 200).mapToObj(n -> FIFTH.delay(n, 0).toMillis()))
        .allMatch(ms -> ms > 0 && ms <= 60_000L);
    ReconnectBackoff fast = new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(100), 0);
    assertThat(fast.delay(4, 0.9)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @DisplayName("nonsense settings are refused")
  void invariants() {
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ZERO, Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
