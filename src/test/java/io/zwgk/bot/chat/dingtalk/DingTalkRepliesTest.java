package io.zwgk.bot.chat.dingtalk;

import io.zwgk.bot.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.zwgk.bot.chat.dingtalk.DingTalkOpenApiClientTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.InboundMessage;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.zwgk.bot.chat.ReplyOrigins;
import org.junit.jupiter.api.extension.RegisterExtension;

class DingTalkRepliesTest {
  @RegisterExtension
  static WireMockExtension evil = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Instant NOW = Instant.parse("2024-04-30T08:00:00Z");
  private static final OutboundMessage ANSWER = new OutboundMessage("完成率", "水利局 19.11%", List.of("staff-1"),
      List.of());

  private static Vertx vertx;
  private static WebClient web;
  private DingTalkReplies replies;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void closeVertx() {
    web.close();
    vertx.close().await();
  }

  @BeforeEach
  void newChannel() {
    MutableClock clock = new MutableClock(NOW);
    DingTalkOpenApiClient api = new DingTalkOpenApiClient(vertx, web, wm.baseUrl(), "dingcounty", "s",
        Duration.ofSeconds(5), clock);
    replies = new DingTalkReplies(new DingTalkReplyClient(web, Duration.ofSeconds(5)), Map.of("county", api), clock,
        ReplyOrigins.of(List.of("https://oapi.dingtalk.com", wm.baseUrl())));
    evil.stubFor(post(anyUrl()).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    wm.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    wm.stubFor(post(urlEqualTo(DingTalkOpenApiClient.TOKEN_PATH))
        .willReturn(okJson("{\"accessToken\":\"tok\",\"expireIn\":7200}")));
    wm.stubFor(post(urlEqualTo(DingTalkOpenApiClient.SEND_PATH)).willReturn(okJson("{}")));
  }

  private static InboundMessage message(String robot, Instant sessionExpires) {
    return message(robot, wm.baseUrl() + "/robot/sendBySession?session=s1", sessionExpires);
  }

  private static InboundMessage message(String robot, String sessionWebhook, Instant sessionExpires) {
    ReplyHandle handle = new ReplyHandle(sessionWebhook, sessionExpires, Map.of());
    return new InboundMessage("dingtalk", robot, "cidGroup==", "政务公开工作群", "staff-1", "张三", "完成率 水利局",
        List.of(), "msg-1", handle);
  }

  @Test
  @DisplayName("while the sessionWebhook lives the reply goes there and nowhere else")
  void liveSessionWebhook() throws Exception {
    replies.reply(message("county", NOW.plusSeconds(60)), ANSWER).await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))
        .withRequestBody(matchingJsonPath("$.at.atUserIds[0]", equalTo("staff-1"))));
    wm.verify(0, postRequestedFor(urlEqualTo(DingTalkOpenApiClient.SEND_PATH)));
  }

  @Test
  @DisplayName("after the sessionWebhook expires the reply goes through the receiving robot's OpenAPI group send")
  void expiredFallsBackToOpenApi() throws Exception {
    replies.reply(message("county", NOW), ANSWER).await(10, TimeUnit.SECONDS);

    wm.verify(0, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
    wm.verify(1, postRequestedFor(urlEqualTo(DingTalkOpenApiClient.SEND_PATH))
        .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidGroup==")))
        .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingcounty"))));
  }

  @Test
  @DisplayName("an expired message of a robot without OpenAPI credentials fails with -1 and sends nothing")
  void expiredWithoutCredentials() throws Exception {
    Throwable cause = failureOf(replies.reply(message("default", NOW.minusSeconds(1)), ANSWER));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(-1);
      assertThat(e.message()).isEqualTo("sessionWebhook expired and no OpenAPI credentials");
    });
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"EVIL/robot/sendBySession?session=s1", "EVIL", "http://127.0.0.1:1/x",
      "https://oapi.dingtalk.com.e.vil/robot/sendBySession", "https://oapi.dingtalk.com@127.0.0.1:1/x",
      "http://oapi.dingtalk.com/robot/sendBySession", "https://oapi.dingtalk.com:8443/robot/sendBySession",
      "file:///etc/passwd", "not a url"})
  @DisplayName("a live sessionWebhook on a host that is not DingTalk's is never fetched; the reply goes through the "
      + "OpenAPI group send")
  void foreignSessionWebhookUsesOpenApi(String url) throws Exception {
    String sessionWebhook = url.replace("EVIL", evil.baseUrl());

    replies.reply(message("county", sessionWebhook, NOW.plusSeconds(600)), ANSWER).await(10, TimeUnit.SECONDS);

    evil.verify(0, anyRequestedFor(anyUrl()));
    wm.verify(0, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
    wm.verify(1, postRequestedFor(urlEqualTo(DingTalkOpenApiClient.SEND_PATH))
        .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidGroup=="))));
  }

  @Test
  @DisplayName("a foreign sessionWebhook of a robot without OpenAPI credentials: dropped with a permanent -1, "
      + "nothing fetched")
  void foreignSessionWebhookWithoutOpenApiDropped() throws Exception {
    Throwable cause = failureOf(replies.reply(message("default", evil.baseUrl() + "/hook", NOW.plusSeconds(600)),
        ANSWER));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(-1);
      assertThat(e.permanent()).isTrue();
      assertThat(e.message()).isEqualTo("sessionWebhook host not allowed and no OpenAPI credentials");
    });
    evil.verify(0, anyRequestedFor(anyUrl()));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
