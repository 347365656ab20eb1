package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedisSupervisorVerticleTest {
  @Test
  @DisplayName("restart waits double from 0.5 s up to 30 s while the server keeps dying")
  void backoffDoublesToThirtySeconds() {
    assertThat(IntStream.range(0, 9).mapToObj(n -> RedisSupervisorVerticle.BACKOFF.delay(n, 0).toMillis()))
        .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
  }

  @Test
  @DisplayName("a server that ran a minute resets the backoff; one that died sooner keeps it")
  void stableRunResetsBackoff() {
    assertThat(RedisSupervisorVerticle.afterExit(6, Duration.ofSeconds(60))).isZero();
    assertThat(RedisSupervisorVerticle.afterExit(6, Duration.ofSeconds(59))).isEqualTo(6);
  }
}
