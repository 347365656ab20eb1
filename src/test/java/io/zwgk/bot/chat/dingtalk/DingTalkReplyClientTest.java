package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DingTalkReplyClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/robot/sendBySession?session=76da36b4";
  private static final Instant NOW = Instant.parse("2024-04-30T08:00:00Z");
  private static final OutboundMessage MESSAGE = new OutboundMessage(
      "完成率", "### 4月完成率\n县教育局 114.73%", List.of("16650123698"), List.of("13800001111"));

  private static Vertx vertx;
  private static WebClient webClient;
  private DingTalkReplyClient client;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    webClient = WebClient.create(vertx);
  }

  @AfterAll
  static void closeVertx() {
    webClient.close();
    vertx.close().await();
  }

  @BeforeEach
  void newClient() {
    client = new DingTalkReplyClient(webClient, Duration.ofSeconds(5));
  }

  private static ReplyHandle handle(Instant expiresAt) {
    return new ReplyHandle(wm.baseUrl() + PATH, expiresAt, Map.of("senderStaffId", "16650123698"));
  }

  private static ReplyHandle liveHandle() {
    return handle(NOW.plus(Duration.ofMinutes(90)));
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    Throwable cause = future.toCompletionStage().toCompletableFuture()
        .handle((ok, err) -> err)
        .get(10, TimeUnit.SECONDS);
    assertThat(cause).as("the future should have failed").isNotNull();
    return cause;
  }

  @Test
  @DisplayName("a reply POSTs the markdown body with its at-lists and the mentions repeated in the text")
  void postsMarkdownWithMentions() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    client.reply(liveHandle(), MESSAGE, NOW).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(PATH))
        .withHeader("Content-Type", equalToIgnoreCase("application/json;charset=utf-8"))
        .withRequestBody(matchingJsonPath("$.msgtype", equalTo("markdown")))
        .withRequestBody(matchingJsonPath("$.markdown.title", equalTo("完成率")))
        .withRequestBody(matchingJsonPath("$.markdown.text",
            equalTo("### 4月完成率\n县教育局 114.73%\n\n@16650123698 @13800001111")))
        .withRequestBody(matchingJsonPath("$.at.atUserIds", equalToJson("[\"16650123698\"]")))
        .withRequestBody(matchingJsonPath("$.at.atMobiles", equalToJson("[\"13800001111\"]")))
        .withRequestBody(matchingJsonPath("$.at.isAtAll", equalTo("false"))));
  }

  @Test
  @DisplayName("the body does not repeat a mention already written in the text, but does add a lookalike's")
  void bodyKeepsExistingMentions() {
    OutboundMessage msg = new OutboundMessage("t", "请 @16650123698 补报", List.of("16650123698", "1665"), List.of());

    JsonObject body = DingTalkReplyClient.body(msg);

    assertThat(body.getJsonObject("markdown").getString("text")).isEqualTo("请 @16650123698 补报\n\n@1665");
    assertThat(body.getJsonObject("at").getJsonArray("atUserIds").getList()).containsExactly("16650123698", "1665");
  }

  @Test
  @DisplayName("a message without mentions keeps its text unchanged and sends empty at-lists")
  void bodyWithoutMentions() {
    JsonObject body = DingTalkReplyClient.body(OutboundMessage.of("排名", "第一名 县教育局"));

    assertThat(body.getJsonObject("markdown").getString("text")).isEqualTo("第一名 县教育局");
    assertThat(body.getJsonObject("at").getJsonArray("atUserIds")).isEmpty();
    assertThat(body.getJsonObject("at").getJsonArray("atMobiles")).isEmpty();
    assertThat(body.getJsonObject("at").getBoolean("isAtAll")).isFalse();
  }

  @Test
  @DisplayName("errcode 130101 fails with a throttled PlatformException")
  void throttledErrcode() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH))
        .willReturn(okJson("{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}")));

    Throwable cause = failureOf(client.reply(liveHandle(), MESSAGE, NOW));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.platform()).isEqualTo("dingtalk");
      assertThat(e.code()).isEqualTo(130101);
      assertThat(e.message()).isEqualTo("send too fast, exceed 20 times per minute");
      assertThat(e.throttled()).isTrue();
    });
  }

  @Test
  @DisplayName("another errcode fails with a PlatformException that is not throttled")
  void otherErrcode() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}")));

    Throwable cause = failureOf(client.reply(liveHandle(), MESSAGE, NOW));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(310000);
      assertThat(e.throttled()).isFalse();
    });
  }

  @Test
  @DisplayName("HTTP 500 fails the reply")
  void serverErrorFails() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(500).withBody("{\"errcode\":0}")));

    Throwable cause = failureOf(client.reply(liveHandle(), MESSAGE, NOW));

    assertThat(cause).isNotInstanceOf(PlatformException.class).hasMessageContaining("500");
  }

  @Test
  @DisplayName("HTTP 200 with a body that is not JSON, or has no errcode, fails the reply")
  void unreadableBodyFails() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("<html>busy</html>")));
    assertThat(failureOf(client.reply(liveHandle(), MESSAGE, NOW))).isInstanceOf(PlatformException.class);

    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errmsg\":\"ok\"}")));
    assertThat(failureOf(client.reply(liveHandle(), MESSAGE, NOW))).isInstanceOf(PlatformException.class);
  }

  @Test
  @DisplayName("a response slower than the timeout fails the reply")
  void slowResponseTimesOut() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(3000)));
    DingTalkReplyClient impatient = new DingTalkReplyClient(webClient, Duration.ofMillis(200));

    Throwable cause = failureOf(impatient.reply(liveHandle(), MESSAGE, NOW));

    assertThat(cause).isNotInstanceOf(PlatformException.class).hasMessageContaining("timeout");
  }

  @Test
  @DisplayName("an expired sessionWebhook fails fast with code -1 and makes no HTTP request")
  void expiredHandleMakesNoRequest() throws Exception {
    Instant expiresAt = NOW.minusMillis(1);

    Throwable expired = failureOf(client.reply(handle(expiresAt), MESSAGE, NOW));
    Throwable atExpiry = failureOf(client.reply(handle(NOW), MESSAGE, NOW));

    assertThat(expired).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(-1);
      assertThat(e.message()).isEqualTo("sessionWebhook expired");
    });
    assertThat(atExpiry).isInstanceOf(PlatformException.class);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a handle without a URL fails fast and makes no HTTP request")
  void missingUrlMakesNoRequest() throws Exception {
    ReplyHandle noUrl = new ReplyHandle("", Instant.MAX, Map.of());

    assertThat(failureOf(client.reply(noUrl, MESSAGE, NOW))).isInstanceOf(PlatformException.class);
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
