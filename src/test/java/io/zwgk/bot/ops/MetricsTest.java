package io.zwgk.bot.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  @DisplayName("recorded meters appear under their Prometheus names with their tags")
  void prometheusNames() {
    try (Metrics metrics = Metrics.prometheus()) {
      metrics.inbound("wecom", Metrics.Inbound.TOO_LARGE);
      metrics.command("Ranking", 3_000_000);
      metrics.send("feishu", Metrics.Path.OUTBOX, Metrics.Send.THROTTLED);
      metrics.deadLetter("feishu");
      metrics.redisError();
      metrics.redisError();
      metrics.outbox(7, 90_500, 2);

      assertThat(metrics.scrape())
          .contains("zwgk_inbound_requests_total{outcome=\"too_large\",platform=\"wecom\"} 1.0")
          .contains("zwgk_command_latency_seconds_count{command=\"Ranking\"} 1")
          .contains("zwgk_command_latency_seconds_sum{command=\"Ranking\"} 0.003")
          .contains("zwgk_sends_total{path=\"outbox\",platform=\"feishu\",result=\"throttled\"} 1.0")
          .contains("zwgk_dead_letters_total{platform=\"feishu\"} 1.0")
          .contains("zwgk_redis_errors_total 2.0")
          .contains("zwgk_outbox_depth 7.0")
          .contains("zwgk_outbox_oldest_age_seconds 90.5")
          .contains("zwgk_outbox_dead_letters 2.0");
    }
  }

  @Test
  @DisplayName("the metrics of code built without them record nothing and render nothing")
  void none() {
    Metrics metrics = Metrics.none();
    metrics.inbound("dingtalk", Metrics.Inbound.ACCEPTED);

    assertThat(metrics.scrape()).isEmpty();
  }
}
