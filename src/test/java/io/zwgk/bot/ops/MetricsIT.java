package io.zwgk.bot.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(RedisServerExtension.class)
class MetricsIT {
  private static final java.util.concurrent.atomic.AtomicLong LAST_TIMESTAMP =
      new java.util.concurrent.atomic.AtomicLong();
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  @Test
  @DisplayName("after one signed DingTalk callback /metrics answers Prometheus text with the service's meters")
  void meters() throws Exception {
    app = TestApp.start(Map.of("DINGTALK_API_BASE", dingtalk.baseUrl()));
    dingtalk.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    assertThat(callback("msg-metrics-1", "帮助", TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
    assertThat(callback("msg-metrics-1", "帮助", TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
    assertThat(callback("msg-metrics-2", "帮助", "wrong-secret").statusCode()).isEqualTo(401);
    assertThat(signedPost("{\"msgId\": ", TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(400);
    assertThat(callback("msg-metrics-3", "x".repeat(70 * 1024), TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(413);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(metrics(null).body())
        .contains("zwgk_sends_total{path=\"reply\",platform=\"dingtalk\",result=\"sent\"} 1.0"));
    HttpResponse<String> response = metrics(null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("zwgk_inbound_requests_total{outcome=\"accepted\",platform=\"dingtalk\"} 1.0")
        .contains("zwgk_inbound_requests_total{outcome=\"duplicate\",platform=\"dingtalk\"} 1.0")
        .contains("zwgk_inbound_requests_total{outcome=\"rejected_signature\",platform=\"dingtalk\"} 1.0")
        .contains("zwgk_inbound_requests_total{outcome=\"malformed\",platform=\"dingtalk\"} 1.0")
        .contains("zwgk_inbound_requests_total{outcome=\"too_large\",platform=\"dingtalk\"} 1.0")
        .contains("zwgk_command_latency_seconds_count{command=\"Help\"} 1")
        .contains("zwgk_command_latency_seconds_bucket{command=\"Help\",le=")
        .contains("zwgk_outbox_depth 0.0")
        .contains("zwgk_outbox_oldest_age_seconds 0.0")
        .contains("zwgk_outbox_dead_letters 0.0")
        .contains("zwgk_redis_errors_total 0.0")
        .contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "process_uptime_seconds");
  }

  @Test
  @DisplayName("with ZWGK_METRICS_TOKEN set, /metrics answers 401 without the bearer token and 200 with it")
  void token() throws Exception {
    app = TestApp.start(Map.of("ZWGK_METRICS_TOKEN", "metrics-secret", "DINGTALK_API_BASE", dingtalk.baseUrl()));

    assertThat(metrics(null).statusCode()).isEqualTo(401);
    assertThat(metrics("not-it").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = metrics("metrics-secret");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("zwgk_outbox_depth");
  }

  private HttpResponse<String> metrics(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/metrics")).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> callback(String msgId, String text, String secret) throws Exception {
    String body = Callbacks.dingtalk().conversation("cid-test", "政务公开工作群").msgId(msgId)
        .session(dingtalk.baseUrl() + "/robot/sendBySession?session=" + UUID.randomUUID()).text(text).json();
    return signedPost(body, secret);
  }

  private HttpResponse<String> signedPost(String body, String secret) throws Exception {
    // each callback its own timestamp: a timestamp/sign pair is accepted once
    long timestamp = LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    HttpRequest request = Callbacks.signedDingTalk(URI.create(app.baseUrl() + "/hooks/dingtalk"), body, timestamp,
        secret);
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
