package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {
  private static final Duration ONE = Duration.ofSeconds(1);
  private static final Duration SIXTY = Duration.ofSeconds(60);

  private static List<Long> delays(ReconnectBackoff backoff, int n) {
    List<Long> seconds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seconds.add(backoff.next().toMillis());
    }
    return seconds;
  }

  @Test
  @DisplayName("without jitter the delays double from 1 s and stop at 60 s")
  void doublesUpToMax() {
    ReconnectBackoff backoff = new ReconnectBackoff(ONE, SIXTY, () -> 0.0);

    assertThat(delays(backoff, 9)).containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L, 60000L);
  }

  @Test
  @DisplayName("jitter adds at most a fifth of the delay")
  void jitterBounded() {
    ReconnectBackoff backoff = new ReconnectBackoff(ONE, SIXTY, () -> 0.999);

    assertThat(backoff.next().toMillis()).isEqualTo(1199L);
    assertThat(backoff.slow().toMillis()).isEqualTo(71988L);
  }

  @Test
  @DisplayName("reset starts again from the initial delay; slow always waits the longest")
  void resetAndSlow() {
    ReconnectBackoff backoff = new ReconnectBackoff(ONE, SIXTY, () -> 0.0);
    delays(backoff, 5);

    backoff.reset();

    assertThat(backoff.next()).isEqualTo(ONE);
    assertThat(backoff.slow()).isEqualTo(SIXTY);
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("hundreds of failures never overflow the delay")
  void noOverflow() {
    ReconnectBackoff backoff = new ReconnectBackoff(ONE, SIXTY, () -> 0.0);

    assertThat(delays(backoff, 200)).allMatch(ms -> ms > 0 && ms <= 60000L);
  }
}
