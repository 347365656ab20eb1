package io.zwgk.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.TestApp;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(RedisServerExtension.class)
class GracefulStopIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @DisplayName("stopping right after a callback was acknowledged still delivers its slow reply, then refuses new requests")
  void inFlightReplyFinishes() throws Exception {
    dingtalk.stubFor(post(urlPathEqualTo("/robot/sendBySession"))
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(500)));
    TestApp app = TestApp.start(Map.of("DINGTALK_API_BASE", dingtalk.baseUrl()));
    Metrics metrics = app.app.metrics();
    String baseUrl = app.baseUrl();

    assertThat(callback(baseUrl, "msg-stop-1").statusCode()).isEqualTo(200);
    app.close();

    dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
    assertThat(metrics.scrape()).as("the reply's answer arrived before the stop completed")
        .contains("zwgk_sends_total{path=\"reply\",platform=\"dingtalk\",result=\"sent\"} 1.0");
    assertThatThrownBy(() -> callback(baseUrl, "msg-stop-2")).isInstanceOf(ConnectException.class);
  }

  private HttpResponse<String> callback(String baseUrl, String msgId) throws Exception {
    long timestamp = System.currentTimeMillis();
    String body = Callbacks.dingtalk().conversation("cid-test").msgId(msgId).sender("staff-001", "张三")
        .session(dingtalk.baseUrl() + "/robot/sendBySession?session=s-" + msgId, timestamp + 5_400_000L)
        .text("帮助").json();
    HttpRequest request = Callbacks.signedDingTalk(URI.create(baseUrl + "/hooks/dingtalk"), body, timestamp,
        TestApp.DINGTALK_SECRET);
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
