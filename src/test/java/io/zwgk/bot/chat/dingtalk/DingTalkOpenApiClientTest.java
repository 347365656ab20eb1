package io.zwgk.bot.chat.dingtalk;

import io.zwgk.bot.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DingTalkOpenApiClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = DingTalkOpenApiClient.TOKEN_PATH;
  private static final String SEND = DingTalkOpenApiClient.SEND_PATH;
  private static final OutboundMessage MESSAGE =
      new OutboundMessage("完成率", "### 4月完成率\n县教育局 114.73%", List.of("staff-1"), List.of());

  private static Vertx vertx;
  private static WebClient web;
  private MutableClock clock;
  private DingTalkOpenApiClient client;

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
  void newClient() {
    clock = new MutableClock(Instant.parse("2024-04-30T08:00:00Z"));
    client = client(Duration.ofSeconds(5));
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"processQueryKey\":\"pqk\"}")));
  }

  private DingTalkOpenApiClient client(Duration timeout) {
    return new DingTalkOpenApiClient(vertx, web, wm.baseUrl(), "dingclientid", "client-secret", timeout, clock);
  }

  private static void stubToken(String token, long expireIn) {
    wm.stubFor(post(urlEqualTo(TOKEN))
        .willReturn(okJson("{\"accessToken\":\"" + token + "\",\"expireIn\":" + expireIn + "}")));
  }

  static Throwable failureOf(Future<?> future) throws Exception {
    Throwable cause = future.toCompletionStage().toCompletableFuture()
        .handle((ok, err) -> err)
        .get(10, TimeUnit.SECONDS);
    assertThat(cause).as("the future should have failed").isNotNull();
    return cause;
  }

  @Test
  @DisplayName("a group send fetches a token with appKey/appSecret and posts sampleMarkdown with it in the header")
  void sendsWithToken() throws Exception {
    stubToken("tok-1", 7200);

    client.sendToGroup("cidAsXSBLnA==", MESSAGE).await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN))
        .withRequestBody(equalToJson("{\"appKey\":\"dingclientid\",\"appSecret\":\"client-secret\"}")));
    wm.verify(1, postRequestedFor(urlEqualTo(SEND))
        .withHeader("x-acs-dingtalk-access-token", equalTo("tok-1"))
        .withRequestBody(matchingJsonPath("$.msgKey", equalTo("sampleMarkdown")))
        .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidAsXSBLnA==")))
        .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingclientid"))));
    String msgParam = new JsonObject(wm.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals(SEND)).findFirst().orElseThrow()
        .getRequest().getBodyAsString()).getString("msgParam");
    assertThat(new JsonObject(msgParam)).isEqualTo(new JsonObject()
        .put("title", "完成率").put("text", "### 4月完成率\n县教育局 114.73%"));
  }

  @Test
  @DisplayName("the token is reused until five minutes before it expires, then fetched again")
  void tokenCachedThenRefreshed() throws Exception {
    stubToken("tok-1", 7200);
    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(7200).minus(DingTalkOpenApiClient.REFRESH_MARGIN).minusSeconds(1));
    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));

    stubToken("tok-2", 7200);
    clock.advance(Duration.ofSeconds(1));
    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);

    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    wm.verify(2, postRequestedFor(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-1")));
    wm.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-2")));
  }

  @Test
  @DisplayName("senders that need a token while one is being fetched share that single request")
  void concurrentCallersShareOneFetch() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN))
        .willReturn(okJson("{\"accessToken\":\"tok-1\",\"expireIn\":7200}").withFixedDelay(300)));

    Future<Void> first = client.sendToGroup("cid-1", MESSAGE);
    Future<Void> second = client.sendToGroup("cid-2", MESSAGE);
    Future<Void> third = vertx.getOrCreateContext().<Future<Void>>executeBlocking(() ->
        client.sendToGroup("cid-3", MESSAGE)).compose(f -> f);
    Future.all(first, second, third).await(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
    wm.verify(3, postRequestedFor(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-1")));
  }

  @Test
  @DisplayName("a send refused for its token (InvalidAuthentication) drops it, fetches a new one and is sent again "
      + "at once with it")
  void rejectedTokenRefreshedAndRetried() throws Exception {
    stubToken("tok-1", 7200);
    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);
    wm.stubFor(post(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-1"))
        .willReturn(INVALID_TOKEN));
    stubToken("tok-2", 7200);

    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);

    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    wm.verify(2, postRequestedFor(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-1")));
    wm.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-2")));
    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);
    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
  }

  @Test
  @DisplayName("a token refused again after the refresh fails the send after one retry, and the next send fetches "
      + "another token")
  void rejectedTwiceFailsAfterOneRetry() throws Exception {
    stubToken("tok-1", 7200);
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(INVALID_TOKEN));

    Throwable cause = failureOf(client.sendToGroup("cid", MESSAGE));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(401);
      assertThat(e.message()).isEqualTo("InvalidAuthentication: 不合法的access_token");
    });
    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    wm.verify(2, postRequestedFor(urlEqualTo(SEND)));
    stubToken("tok-2", 7200);
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{}")));
    client.sendToGroup("cid", MESSAGE).await(10, TimeUnit.SECONDS);
    wm.verify(3, postRequestedFor(urlEqualTo(TOKEN)));
    wm.verify(1, postRequestedFor(urlEqualTo(SEND)).withHeader("x-acs-dingtalk-access-token", equalTo("tok-2")));
  }

  private static final com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder INVALID_TOKEN =
      aResponse().withStatus(401).withHeader("Content-Type", "application/json")
          .withBody("{\"code\":\"InvalidAuthentication\",\"message\":\"不合法的access_token\"}");

  @Test
  @DisplayName("another API error keeps the token and carries DingTalk's code and message")
  void otherErrorKeepsToken() throws Exception {
    stubToken("tok-1", 7200);
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(400).withBody(
        "{\"code\":\"invalidParameter.robotCode.notExist\",\"message\":\"robot 不存在\",\"requestid\":\"r\"}")));

    Throwable cause = failureOf(client.sendToGroup("cid", MESSAGE));
    failureOf(client.sendToGroup("cid", MESSAGE));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.platform()).isEqualTo("dingtalk");
      assertThat(e.code()).isEqualTo(400);
      assertThat(e.message()).isEqualTo("invalidParameter.robotCode.notExist: robot 不存在");
    });
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN)));
  }

  @Test
  @DisplayName("a refused token request fails the send without sending, and the next send asks again")
  void tokenRequestRefused() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":\"invalidClientSecret\",\"message\":\"bad secret\"}")));

    assertThat(failureOf(client.sendToGroup("cid", MESSAGE))).isInstanceOf(PlatformException.class)
        .hasMessageContaining("invalidClientSecret");
    failureOf(client.sendToGroup("cid", MESSAGE));

    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN)));
    wm.verify(0, postRequestedFor(urlEqualTo(SEND)));
  }

  @Test
  @DisplayName("a token answer without accessToken fails with code -1")
  void tokenAnswerIncomplete() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN)).willReturn(okJson("{\"expireIn\":7200}")));

    assertThat(failureOf(client.accessToken())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.code()).isEqualTo(-1));
  }

  @Test
  @DisplayName("HTTP 5xx without an error body fails with the status, not a platform error")
  void serverError() throws Exception {
    stubToken("tok-1", 7200);
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(503).withBody("busy")));

    assertThat(failureOf(client.sendToGroup("cid", MESSAGE)))
        .isNotInstanceOf(PlatformException.class).hasMessageContaining("503");
  }

  @Test
  @DisplayName("a send slower than the timeout fails")
  void slowSendTimesOut() throws Exception {
    stubToken("tok-1", 7200);
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{}").withFixedDelay(3000)));

    assertThat(failureOf(client(Duration.ofMillis(200)).sendToGroup("cid", MESSAGE)))
        .isNotInstanceOf(PlatformException.class).hasMessageContaining("timeout");
  }
}
