package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  private static final SendLimits OWN = new SendLimits(List.of(new Limit(Duration.ofMinutes(1), 20)),
      Duration.ofMinutes(10));

  @Test
  @DisplayName("by default a platform keeps its own windows (with the safety margin) and its own throttle pause")
  void platformsOwnLimits() {
    DeliveryPolicy policy = DeliveryPolicy.defaults();

    assertThat(policy.limitsOf("dingtalk", OWN))
        .containsExactly(new Limit(Duration.ofMinutes(1).plus(DeliveryPolicy.WINDOW_MARGIN), 20));
    assertThat(policy.pauseOf("dingtalk", OWN)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  @DisplayName("a policy may replace one platform's windows and pause; unlimited() drops every window")
  void replacedAndUnlimited() {
    DeliveryPolicy d = DeliveryPolicy.defaults();
    DeliveryPolicy three = new DeliveryPolicy(Map.of("dingtalk", List.of(new Limit(Duration.ofMinutes(1), 3))),
        Map.of("dingtalk", Duration.ofSeconds(5)), d.pollInterval(), d.lease(), d.batch(), d.maxAttempts(),
        d.firstBackoff(), d.maxBackoff());

    assertThat(three.limitsOf("dingtalk", OWN)).extracting(Limit::max).containsExactly(3);
    assertThat(three.pauseOf("dingtalk", OWN)).isEqualTo(Duration.ofSeconds(5));
    assertThat(three.limitsOf("wecom", OWN)).extracting(Limit::max).containsExactly(20);
    assertThat(three.unlimited().limitsOf("dingtalk", OWN)).isEmpty();
  }
}
