package io.zwgk.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.dingtalk.DingTalkSignature;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.store.RedisServerExtension;
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
    String body = new JsonObject()
        .put("conversationId", "cid-test").put("conversationType", "2").put("msgId", msgId)
        .put("senderNick", "张三").put("senderStaffId", "staff-001")
        .put("sessionWebhook", dingtalk.baseUrl() + "/robot/sendBySession?session=s-" + msgId)
        .put("sessionWebhookExpiredTime", timestamp + 5_400_000L)
        .put("msgtype", "text").put("text", new JsonObject().put("content", "帮助"))
        .encode();
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/hooks/dingtalk"))
        .header("content-type", "application/json; charset=utf-8")
        .header("timestamp", String.valueOf(timestamp))
        .header("sign", DingTalkSignature.sign(timestamp, TestApp.DINGTALK_SECRET))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
