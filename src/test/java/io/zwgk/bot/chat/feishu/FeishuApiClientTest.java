package io.zwgk.bot.chat.feishu;

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

class FeishuApiClientTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN_URL = "/open-apis/auth/v3/tenant_access_token/internal";
  static final String REPLY_URL = "/open-apis/im/v1/messages/om_1/reply";
  static final String SEND_URL = "/open-apis/im/v1/messages?receive_id_type=chat_id";
  static final String OK = "{\"code\":0,\"msg\":\"success\",\"data\":{}}";
  private static final OutboundMessage MESSAGE = new OutboundMessage("完成率", "**县水利局** 19.11%",
      List.of("ou_sender"), List.of());

  private static Vertx vertx;
  private static WebClient webClient;
  private MutableClock clock;
  private FeishuApiClient client;

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
    clock = new MutableClock(Instant.parse("2024-04-30T08:00:00Z"));
    client = new FeishuApiClient(webClient, wm.baseUrl(), "cli_app", "app-secret", 2000, clock);
    stubToken("t-1", 7200);
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(okJson(OK)));
  }

  static void stubToken(String token, int expire) {
    stubToken(wm, token, expire);
  }

  static void stubToken(WireMockExtension wm, String token, int expire) {
    wm.stubFor(post(urlEqualTo(TOKEN_URL)).willReturn(okJson(new JsonObject().put("code", 0).put("msg", "ok")
        .put("tenant_access_token", token).put("expire", expire).encode())));
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static Throwable failureOf(Future<?> future) throws Exception {
    Throwable cause = future.toCompletionStage().toCompletableFuture().handle((ok, err) -> err).get(10, TimeUnit.SECONDS);
    assertThat(cause).as("the future should have failed").isNotNull();
    return cause;
  }

  @Test
  @DisplayName("a reply POSTs a post to the reply API with the bearer token and a uuid derived from the message id")
  void replyBody() throws Exception {
    await(client.reply("om_1", MESSAGE));

    String content = FeishuMessages.post(MESSAGE).encode();
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_URL))
        .withRequestBody(equalToJson("{\"app_id\":\"cli_app\",\"app_secret\":\"app-secret\"}")));
    wm.verify(1, postRequestedFor(urlEqualTo(REPLY_URL))
        .withHeader("Authorization", equalTo("Bearer t-1"))
        .withRequestBody(matchingJsonPath("$.msg_type", equalTo("post")))
        .withRequestBody(matchingJsonPath("$.content", equalTo(content)))
        .withRequestBody(matchingJsonPath("$.uuid", equalTo(FeishuApiClient.replyUuid("om_1", MESSAGE)))));
  }

  @Test
  @DisplayName("the reply uuid is stable per message id and reply, differs between ids and between the parts of a "
      + "split reply, and fits Feishu's 50 characters")
  void replyUuid() {
    OutboundMessage part2 = OutboundMessage.of(MESSAGE.title(), MESSAGE.markdown() + " (2/2)");
    assertThat(FeishuApiClient.replyUuid("om_1", MESSAGE)).isEqualTo(FeishuApiClient.replyUuid("om_1", MESSAGE))
        .isNotEqualTo(FeishuApiClient.replyUuid("om_2", MESSAGE))
        .isNotEqualTo(FeishuApiClient.replyUuid("om_1", part2))
        .hasSizeLessThanOrEqualTo(50);
  }

  @Test
  @DisplayName("two replies fetch the token once; it is fetched again only from 5 minutes before expiry")
  void tokenCachedUntilRefreshMargin() throws Exception {
    await(client.reply("om_1", MESSAGE));
    await(client.reply("om_1", MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_URL)));

    clock.advance(Duration.ofSeconds(7200 - 300 - 1));
    await(client.reply("om_1", MESSAGE));
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_URL)));

    stubToken("t-2", 7200);
    clock.advance(Duration.ofSeconds(1));
    await(client.reply("om_1", MESSAGE));
    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_URL)));
    wm.verify(1, postRequestedFor(urlEqualTo(REPLY_URL)).withHeader("Authorization", equalTo("Bearer t-2")));
  }

  @Test
  @DisplayName("callers arriving during a refresh share it: one token request")
  void oneRefreshAtATime() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN_URL)).willReturn(okJson(
        "{\"code\":0,\"tenant_access_token\":\"t-slow\",\"expire\":7200}").withFixedDelay(300)));

    List<String> tokens = await(Future.all(client.token(), client.token(), client.token())).list();

    assertThat(tokens).containsOnly("t-slow");
    wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_URL)));
  }

  @Test
  @DisplayName("a token error is a PlatformException and is not cached: the next call asks again")
  void tokenErrorNotCached() throws Exception {
    wm.stubFor(post(urlEqualTo(TOKEN_URL)).willReturn(okJson("{\"code\":10003,\"msg\":\"invalid param\"}")));

    assertThat(failureOf(client.reply("om_1", MESSAGE))).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.code()).isEqualTo(10003));
    stubToken("t-3", 7200);
    await(client.reply("om_1", MESSAGE));

    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_URL)));
    wm.verify(1, postRequestedFor(urlEqualTo(REPLY_URL)));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "code {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {99991663, 99991668})
  @DisplayName("a reply refused for its token (invalid, expired) drops it, fetches a new one and is sent again at once")
  void rejectedTokenRefreshedAndRetried(int code) throws Exception {
    await(client.reply("om_1", MESSAGE));
    wm.stubFor(post(urlEqualTo(REPLY_URL)).withHeader("Authorization", equalTo("Bearer t-1"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"code\":" + code + ",\"msg\":\"Invalid access token for authorization.\"}")));
    stubToken("t-2", 7200);

    await(client.reply("om_1", MESSAGE));

    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_URL)));
    wm.verify(2, postRequestedFor(urlEqualTo(REPLY_URL)).withHeader("Authorization", equalTo("Bearer t-1")));
    wm.verify(1, postRequestedFor(urlEqualTo(REPLY_URL)).withHeader("Authorization", equalTo("Bearer t-2")));
  }

  @Test
  @DisplayName("a token refused again after the refresh fails the send after one retry; no loop")
  void rejectedTwiceFailsAfterOneRetry() throws Exception {
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":99991663,\"msg\":\"Invalid access token for authorization.\"}")));

    assertThat(failureOf(client.reply("om_1", MESSAGE))).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.tokenRejected()).isTrue());

    wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_URL)));
    wm.verify(2, postRequestedFor(urlEqualTo(REPLY_URL)));
  }

  @Test
  @DisplayName("HTTP 429 with 99991400 is throttled, keeping the code and the reset hint")
  void frequencyLimit429() throws Exception {
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(aResponse().withStatus(429)
        .withHeader("x-ogw-ratelimit-reset", "3")
        .withBody("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}")));

    assertThat(failureOf(client.reply("om_1", MESSAGE))).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(99991400);
      assertThat(e.throttled()).isTrue();
      assertThat(e.permanent()).isFalse();
      assertThat(e.message()).contains("request trigger frequency limit").contains("3 s");
    });
  }

  @Test
  @DisplayName("HTTP 400 with 99991400, or with 9499 \"too many request\", is throttled")
  void frequencyLimit400() throws Exception {
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":99991400,\"msg\":\"request trigger frequency limit\"}")));
    assertThat(failureOf(client.reply("om_1", MESSAGE))).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.throttled()).isTrue());

    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}")));
    assertThat(failureOf(client.reply("om_1", MESSAGE))).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(9499);
      assertThat(e.throttled()).isTrue();
    });
  }

  @Test
  @DisplayName("another non-zero code fails with that code and message, not throttled")
  void otherCode() throws Exception {
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":230002,\"msg\":\"Bot/User can NOT be out of the chat.\"}")));

    assertThat(failureOf(client.reply("om_1", MESSAGE))).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.platform()).isEqualTo("feishu");
      assertThat(e.code()).isEqualTo(230002);
      assertThat(e.message()).isEqualTo("Bot/User can NOT be out of the chat.");
      assertThat(e.throttled()).isFalse();
    });
  }

  @Test
  @DisplayName("HTTP 500 fails the reply as an HTTP error, not a platform code")
  void serverError() throws Exception {
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(aResponse().withStatus(500).withBody(OK)));

    assertThat(failureOf(client.reply("om_1", MESSAGE))).isNotInstanceOf(PlatformException.class)
        .hasMessageContaining("500");
  }

  @Test
  @DisplayName("a reply slower than the timeout fails")
  void timeout() throws Exception {
    wm.stubFor(post(urlEqualTo(REPLY_URL)).willReturn(okJson(OK).withFixedDelay(3000)));
    FeishuApiClient impatient = new FeishuApiClient(webClient, wm.baseUrl(), "cli_app", "app-secret", 200, clock);

    assertThat(failureOf(impatient.reply("om_1", MESSAGE))).isNotInstanceOf(PlatformException.class)
        .hasMessageContaining("timeout");
  }

  @Test
  @DisplayName("a message id that cannot be a Feishu id fails with code -1 and makes no request")
  void badMessageId() throws Exception {
    assertThat(failureOf(client.reply("../chats", MESSAGE))).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.permanent()).isTrue());
    wm.verify(0, postRequestedFor(urlEqualTo(TOKEN_URL)));
  }

  @Test
  @DisplayName("a group send goes to the send API by chat_id with the idempotency key as uuid")
  void sendToChat() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND_URL)).willReturn(okJson(OK)));

    await(client.sendToChat("oc_group", MESSAGE, "reminder:2024-04:水利局:1"));

    wm.verify(1, postRequestedFor(urlEqualTo(SEND_URL))
        .withHeader("Authorization", equalTo("Bearer t-1"))
        .withRequestBody(matchingJsonPath("$.receive_id", equalTo("oc_group")))
        .withRequestBody(matchingJsonPath("$.msg_type", equalTo("post")))
        .withRequestBody(matchingJsonPath("$.uuid", equalTo("reminder:2024-04:水利局:1"))));
  }

  @Test
  @DisplayName("an idempotency key over 50 characters becomes a stable UUID")
  void longKeyHashed() {
    String key = "bulletin:2024-04:".repeat(5);

    assertThat(FeishuApiClient.uuid(key)).hasSize(36).isEqualTo(FeishuApiClient.uuid(key))
        .isNotEqualTo(FeishuApiClient.uuid(key + "x"));
    assertThat(FeishuApiClient.uuid("k-1")).isEqualTo("k-1");
  }
}
