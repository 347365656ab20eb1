package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(RedisServerExtension.class)
class DingTalkCallbackIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of());
    dingtalk.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  @DisplayName("a signed callback is acknowledged at once and answered with the exact figures, @-mentioning the sender")
  void signedCallbackAnswered() throws Exception {
    HttpResponse<String> response = send(callback("msg-1", " 完成率 水利局"), now(), TestApp.DINGTALK_SECRET);

    assertThat(response.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> dingtalk.verify(1,
        postRequestedFor(urlPathEqualTo("/robot/sendBySession"))
            .withRequestBody(matchingJsonPath("$.msgtype", equalTo("markdown")))
            .withRequestBody(matchingJsonPath("$.markdown.text", com.github.tomakehurst.wiremock.client.WireMock
                .containing("19.11%")))
            .withRequestBody(matchingJsonPath("$.at.atUserIds[0]", equalTo("staff-001")))));
  }

  @Test
  @DisplayName("the same msgId delivered twice is acknowledged twice and answered once")
  void duplicateAnsweredOnce() throws Exception {
    String body = callback("msg-dup", "排名");
    assertThat(send(body, now(), TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
    HttpResponse<String> second = send(body, now(), TestApp.DINGTALK_SECRET);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(second.body()).getString("status")).isEqualTo("duplicate");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));
    // a later, different message is answered: by then the duplicate would have been answered too
    send(callback("msg-after", "帮助"), now(), TestApp.DINGTALK_SECRET);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        dingtalk.verify(2, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));
  }

  @Test
  @DisplayName("a wrong signature is refused with 401, nothing claimed and nothing sent")
  void wrongSignature() throws Exception {
    assertThat(send(callback("msg-bad", "概况"), now(), "not-the-secret").statusCode()).isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a timestamp more than an hour old is refused with 401")
  void staleTimestamp() throws Exception {
    long stale = System.currentTimeMillis() - Duration.ofMinutes(61).toMillis();
    assertThat(send(callback("msg-stale", "概况"), stale, TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("malformed JSON with a good signature is refused with 400")
  void malformedJson() throws Exception {
    assertThat(send("{\"msgId\": \"x\", \"text\": ", now(), TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(400);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a body over 64 KiB is refused with 413")
  void oversizeBody() throws Exception {
    String huge = callback("msg-huge", "x".repeat(70 * 1024));
    assertThat(send(huge, now(), TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(413);
    assertNoSideEffect();
  }

  private void assertNoSideEffect() {
    assertThat(TestRedis.keys("zwgk:dedupe:*")).isEmpty();
    dingtalk.verify(0, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
  }

  private String callback(String msgId, String text) {
    return new JsonObject()
        .put("conversationId", "cid-test").put("conversationType", "2").put("conversationTitle", "政务公开工作群")
        .put("msgId", msgId).put("senderNick", "张三").put("senderStaffId", "staff-001")
        .put("sessionWebhook", dingtalk.baseUrl() + "/robot/sendBySession?session=" + UUID.randomUUID())
        .put("sessionWebhookExpiredTime", System.currentTimeMillis() + 5_400_000L)
        .put("msgtype", "text").put("text", new JsonObject().put("content", text))
        .encode();
  }

  private HttpResponse<String> send(String body, long timestamp, String secret) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + "/hooks/dingtalk"))
        .header("content-type", "application/json; charset=utf-8")
        .header("timestamp", String.valueOf(timestamp))
        .header("sign", DingTalkSignature.sign(timestamp, secret))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
