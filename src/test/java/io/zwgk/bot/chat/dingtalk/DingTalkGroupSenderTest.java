package io.zwgk.bot.chat.dingtalk;

import io.zwgk.bot.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
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
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DingTalkGroupSenderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String ROBOT_PATH = "/robot/send?access_token=abc123";
  private static final OutboundMessage REMINDER = new OutboundMessage("填报提醒",
      "请水利局于4月30日前完成填报", List.of("staff-9"), List.of("13800001111"));

  private static Vertx vertx;
  private static WebClient web;
  private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_700_000_000_001L));

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

  private DingTalkGroupSender sender(Duration timeout) {
    DingTalkOpenApiClient api = new DingTalkOpenApiClient(vertx, web, wm.baseUrl(), "dingapp", "app-secret",
        timeout, clock);
    return new DingTalkGroupSender(web, timeout, Map.of("county", api), clock);
  }

  private static GroupConfig webhookGroup(Optional<String> secret) {
    return new GroupConfig("水利局群", "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret(wm.baseUrl() + ROBOT_PATH)), secret.map(Secret::new), false, false, List.of());
  }

  private static GroupConfig apiGroup(String robot) {
    return new GroupConfig("公开办群", "dingtalk", robot, Optional.of("cidOffice=="), Optional.empty(),
        Optional.empty(), true, false, List.of());
  }

  @Test
  @DisplayName("a signed custom-robot send appends timestamp and the sign URL-encoded exactly once")
  void signQueryEncodedOnce() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    sender(Duration.ofSeconds(5)).send(webhookGroup(Optional.of("this is secret")), REMINDER, "outbox-42")
        .await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(ROBOT_PATH + "&timestamp=1700000000001"
        + "&sign=aOZ0Y%2FR7BCg4xs87AcG5MYf26YmwfVRTLD0z3X%2Bp%2FmM%3D")));
  }

  @Test
  @DisplayName("each send signs with a fresh timestamp")
  void freshTimestampPerSend() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    DingTalkGroupSender sender = sender(Duration.ofSeconds(5));

    sender.send(webhookGroup(Optional.of("this is secret")), REMINDER, "k1").await(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofMillis(-1));
    sender.send(webhookGroup(Optional.of("this is secret")), REMINDER, "k2").await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(ROBOT_PATH + "&timestamp=1700000000000"
        + "&sign=sSFWELbV2YwjdDQhWZwTcWlX5BWUx5J6TPpsZmuPii0%3D")));
  }

  @Test
  @DisplayName("the body is markdown with both at-lists, the mentions repeated in the text, and msgUuid")
  void bodyCarriesMentionsAndMsgUuid() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    sender(Duration.ofSeconds(5)).send(webhookGroup(Optional.empty()), REMINDER, "outbox-42")
        .await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(ROBOT_PATH))
        .withRequestBody(matchingJsonPath("$.msgtype", equalTo("markdown")))
        .withRequestBody(matchingJsonPath("$.markdown.title", equalTo("填报提醒")))
        .withRequestBody(matchingJsonPath("$.markdown.text",
            equalTo("请水利局于4月30日前完成填报\n\n@staff-9 @13800001111")))
        .withRequestBody(matchingJsonPath("$.at.atUserIds", equalToJson("[\"staff-9\"]")))
        .withRequestBody(matchingJsonPath("$.at.atMobiles", equalToJson("[\"13800001111\"]")))
        .withRequestBody(matchingJsonPath("$.msgUuid", equalTo("outbox-42"))));
  }

  @Test
  @DisplayName("errcode 130101 fails as throttled, 310000 as permanent")
  void platformErrors() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/robot/send"))
        .willReturn(okJson("{\"errcode\":130101,\"errmsg\":\"send too fast, exceed 20 times per minute\"}")));
    Throwable throttled = failureOf(sender(Duration.ofSeconds(5)).send(webhookGroup(Optional.empty()), REMINDER, "k"));

    wm.stubFor(post(urlPathEqualTo("/robot/send"))
        .willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
    Throwable refused = failureOf(sender(Duration.ofSeconds(5)).send(webhookGroup(Optional.empty()), REMINDER, "k"));

    assertThat(throttled).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(130101);
      assertThat(e.throttled()).isTrue();
    });
    assertThat(refused).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(310000);
      assertThat(e.message()).isEqualTo("sign not match");
      assertThat(e.permanent()).isTrue();
    });
  }

  @Test
  @DisplayName("HTTP 5xx and a slow answer fail the one attempt")
  void serverErrorAndTimeout() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(502)));
    assertThat(failureOf(sender(Duration.ofSeconds(5)).send(webhookGroup(Optional.empty()), REMINDER, "k")))
        .hasMessageContaining("502");

    wm.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0}").withFixedDelay(3000)));
    assertThat(failureOf(sender(Duration.ofMillis(200)).send(webhookGroup(Optional.empty()), REMINDER, "k")))
        .hasMessageContaining("timeout");
    wm.verify(2, postRequestedFor(urlPathEqualTo("/robot/send")));
  }

  @Test
  @DisplayName("a group with only a conversationId is sent through its robot's OpenAPI")
  void conversationIdUsesOpenApi() throws Exception {
    wm.stubFor(post(urlEqualTo(DingTalkOpenApiClient.TOKEN_PATH))
        .willReturn(okJson("{\"accessToken\":\"tok\",\"expireIn\":7200}")));
    wm.stubFor(post(urlEqualTo(DingTalkOpenApiClient.SEND_PATH)).willReturn(okJson("{\"processQueryKey\":\"q\"}")));

    sender(Duration.ofSeconds(5)).send(apiGroup("county"), REMINDER, "k").await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(DingTalkOpenApiClient.SEND_PATH))
        .withHeader("x-acs-dingtalk-access-token", equalTo("tok"))
        .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidOffice==")))
        .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingapp"))));
  }

  @Test
  @DisplayName("without a webhook and without OpenAPI credentials for the robot, the send fails with -1 at once")
  void noRoute() throws Exception {
    GroupConfig bare = new GroupConfig("空群", "dingtalk", "county", Optional.empty(), Optional.empty(),
        Optional.empty(), false, false, List.of());

    Throwable noCredentials = failureOf(sender(Duration.ofSeconds(5)).send(apiGroup("default"), REMINDER, "k"));
    Throwable nowhere = failureOf(sender(Duration.ofSeconds(5)).send(bare, REMINDER, "k"));

    assertThat(noCredentials).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.code()).isEqualTo(-1));
    assertThat(nowhere).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.permanent()).isTrue());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("the text limit leaves room under both the 20000-byte body and the 15000-byte msgParam")
  void maxTextBytes() {
    assertThat(sender(Duration.ofSeconds(5)).maxTextBytes()).isEqualTo(14_000);
  }
}
