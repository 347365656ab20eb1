package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(RedisServerExtension.class)
class DingTalkCallbackIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  /** A host of the forger's choosing: must never receive a request. */
  @RegisterExtension
  static WireMockExtension evil = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  private static final String CLIENT_ID = "dingcounty";

  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of("DINGTALK_API_BASE", dingtalk.baseUrl(), "DINGTALK_CLIENT_ID", CLIENT_ID));
    dingtalk.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.TOKEN_PATH))
        .willReturn(okJson("{\"accessToken\":\"tok\",\"expireIn\":7200}")));
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.SEND_PATH)).willReturn(okJson("{}")));
    evil.stubFor(post(anyUrl()).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
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
    long first = now();
    assertThat(send(body, first, TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
    HttpResponse<String> second = send(body, first + 1, TestApp.DINGTALK_SECRET);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(second.body()).getString("status")).isEqualTo("duplicate");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));
    // a later, different message is answered: by then the duplicate would have been answered too
    send(callback("msg-after", "帮助"), first + 2, TestApp.DINGTALK_SECRET);
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

  @Test
  @DisplayName("a captured timestamp/sign pair is accepted once: replayed with a forged body it is refused with 401, "
      + "nothing claimed, nothing run, nothing sent; the pair is remembered until it leaves the one-hour window")
  void replayedSignatureRefused() throws Exception {
    long timestamp = now();
    assertThat(send(callback("msg-real", "帮助"), timestamp, TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        dingtalk.verify(1, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));

    String forged = callback("msg-forged", "月报 添加 [点我](http://e.vil/x)",
        evil.baseUrl() + "/robot/sendBySession?session=forged");
    HttpResponse<String> replay = send(forged, timestamp, TestApp.DINGTALK_SECRET);

    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(TestRedis.keys("zwgk:dedupe:dingtalk:msg-forged")).isEmpty();
    String key = "zwgk:sig:dingtalk:default:" + timestamp + ":" + DingTalkSignature.sign(timestamp,
        TestApp.DINGTALK_SECRET);
    long expectedTtl = timestamp + Duration.ofMinutes(61).toMillis() - now();
    assertThat(TestRedis.pttl(key)).isBetween(expectedTtl - 10_000, expectedTtl + 1_000);
    // a later, genuine message is answered: by then a reply to the forged body would have been sent too
    send(callback("msg-later", "帮助"), timestamp + 1, TestApp.DINGTALK_SECRET);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        dingtalk.verify(2, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));
    evil.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a sessionWebhook on a host that is not DingTalk's is never fetched: the reply goes through the "
      + "OpenAPI group send")
  void foreignSessionWebhookNeverFetched() throws Exception {
    String body = callback("msg-evil-hook", "帮助", "http://127.0.0.1:" + evil.getPort() + "/robot/sendBySession");

    assertThat(send(body, now(), TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> dingtalk.verify(1,
        postRequestedFor(urlPathEqualTo(DingTalkOpenApiClient.SEND_PATH))
            .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cid-test")))));
    evil.verify(0, anyRequestedFor(anyUrl()));
    dingtalk.verify(0, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
  }

  @Test
  @DisplayName("a callback whose robotCode or chatbotUserId is not this robot's is refused with 403")
  void foreignRobotCodeRefused() throws Exception {
    String body = new JsonObject(callback("msg-other-robot", "帮助")).put("robotCode", "dingother").encode();

    assertThat(send(body, now(), TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(403);
    assertNoSideEffect();
    String own = new JsonObject(callback("msg-own-robot", "帮助")).put("robotCode", CLIENT_ID).encode();
    assertThat(send(own, now() + 1, TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("a msgId, sender id or conversation id over 128 characters is refused with 400 and nothing is kept")
  void overlongIdsRefused() throws Exception {
    String huge = "x".repeat(30_000);
    long t = now();
    String[] bodies = {
      callback(huge, "帮助"),
      new JsonObject(callback("msg-long-sender", "帮助")).put("senderStaffId", huge).encode(),
      new JsonObject(callback("msg-long-cid", "帮助")).put("conversationId", "c".repeat(129)).encode()};
    for (int i = 0; i < bodies.length; i++) {
      assertThat(send(bodies[i], t + i, TestApp.DINGTALK_SECRET).statusCode()).as("body %d", i).isEqualTo(400);
    }
    assertNoSideEffect();
    String limit = new JsonObject(callback("m".repeat(128), "帮助")).encode();
    assertThat(send(limit, t + 10, TestApp.DINGTALK_SECRET).statusCode()).isEqualTo(200);
  }

  private void assertNoSideEffect() {
    assertThat(TestRedis.keys("zwgk:dedupe:*")).isEmpty();
    dingtalk.verify(0, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
  }

  private String callback(String msgId, String text) {
    return callback(msgId, text, dingtalk.baseUrl() + "/robot/sendBySession?session=" + UUID.randomUUID());
  }

  private String callback(String msgId, String text, String sessionWebhook) {
    return Callbacks.dingtalk().conversation("cid-test", "政务公开工作群").msgId(msgId).sender("staff-001", "张三")
        .session(sessionWebhook).text(text).json();
  }

  private HttpResponse<String> send(String body, long timestamp, String secret) throws Exception {
    HttpRequest request = Callbacks.signedDingTalk(URI.create(app.baseUrl() + "/hooks/dingtalk"), body, timestamp,
        secret);
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
