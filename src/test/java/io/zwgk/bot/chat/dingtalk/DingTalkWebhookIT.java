package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxRedisExtension.class)
class DingTalkWebhookIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String DEFAULT_SECRET = "default-secret";
  private static final String COUNTY_SECRET = "county-secret";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    Settings settings = Settings.fromEnv(Map.of("DINGTALK_API_BASE", dingtalk.baseUrl(),
        "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    List<RobotConfig> robots = List.of(
        new RobotConfig("dingtalk", "default", RobotMode.WEBHOOK, Map.of("appSecret", new Secret(DEFAULT_SECRET))),
        new RobotConfig("dingtalk", "county", RobotMode.WEBHOOK, Map.of("appSecret", new Secret(COUNTY_SECRET),
            "clientId", new Secret("dingcounty"), "clientSecret", new Secret("county-client-secret"))),
        new RobotConfig("dingtalk", "streamer", RobotMode.STREAM, Map.of("clientId", new Secret("dingstream"),
            "clientSecret", new Secret("stream-secret"))));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, WebClient.create(vertx), settings, robots,
        Clock.systemUTC());
    ChatService chat = io.zwgk.bot.testing.TestChat.chatService(vertx, redis, "dingtalk", platform.replies());
    Router router = Router.router(vertx);
    ErrorMapping.install(router);
    platform.mount(router, chat);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    dingtalk.stubFor(post(urlPathEqualTo("/robot/sendBySession"))
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    dingtalk.stubFor(post(urlEqualTo(DingTalkOpenApiClient.TOKEN_PATH))
        .willReturn(okJson("{\"accessToken\":\"tok\",\"expireIn\":7200}")));
    dingtalk.stubFor(post(urlEqualTo(DingTalkOpenApiClient.SEND_PATH)).willReturn(okJson("{}")));
  }

  private String callback(String msgId, String text, long sessionExpires) {
    return Callbacks.dingtalk().conversation("cidCounty==").msgId(msgId).sender("staff-001", "张三")
        .session(dingtalk.baseUrl() + "/robot/sendBySession?session=" + msgId, sessionExpires).text(text).json();
  }

  private String callback(String msgId, String text) {
    return callback(msgId, text, System.currentTimeMillis() + 5_400_000L);
  }

  private HttpResponse<String> send(String path, String body, String secret) throws Exception {
    long timestamp = System.currentTimeMillis();
    HttpRequest request = Callbacks.signedDingTalk(URI.create("http://127.0.0.1:" + server.actualPort() + path), body,
        timestamp, secret);
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String status(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("status");
  }

  @Test
  @DisplayName("each webhook robot answers at its own path, verified with its own secret only")
  void perRobotSecrets() throws Exception {
    HttpResponse<String> county = send("/hooks/dingtalk/county", callback("c-1", " 帮助"), COUNTY_SECRET);
    HttpResponse<String> byDefault = send("/hooks/dingtalk", callback("d-1", " 帮助"), DEFAULT_SECRET);

    assertThat(county.statusCode()).isEqualTo(200);
    assertThat(status(county)).isEqualTo("accepted");
    assertThat(byDefault.statusCode()).isEqualTo(200);
    assertThat(send("/hooks/dingtalk/county", callback("c-2", "帮助"), DEFAULT_SECRET).statusCode()).isEqualTo(401);
    assertThat(send("/hooks/dingtalk", callback("d-2", "帮助"), COUNTY_SECRET).statusCode()).isEqualTo(401);
    await().atMost(WAIT).untilAsserted(() ->
        dingtalk.verify(2, postRequestedFor(urlPathEqualTo("/robot/sendBySession"))));
    assertThat(TestRedis.keys("zwgk:dedupe:*")).hasSize(2);
  }

  @Test
  @DisplayName("a message whose sessionWebhook has expired is answered through the receiving robot's OpenAPI")
  void expiredSessionUsesReceivingRobot() throws Exception {
    String body = callback("c-late", "帮助", System.currentTimeMillis() - 1);

    assertThat(send("/hooks/dingtalk/county", body, COUNTY_SECRET).statusCode()).isEqualTo(200);

    await().atMost(WAIT).untilAsserted(() -> dingtalk.verify(1,
        postRequestedFor(urlEqualTo(DingTalkOpenApiClient.SEND_PATH))
            .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingcounty")))
            .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidCounty==")))));
    dingtalk.verify(0, postRequestedFor(urlPathEqualTo("/robot/sendBySession")));
  }

  @Test
  @DisplayName("a named robot keeps the callback rules: 413 over 64 KiB, 400 malformed, duplicate acknowledged")
  void namedRobotRules() throws Exception {
    String huge = callback("c-huge", "x".repeat(70 * 1024));
    assertThat(send("/hooks/dingtalk/county", huge, COUNTY_SECRET).statusCode()).isEqualTo(413);
    assertThat(send("/hooks/dingtalk/county", "{\"msgId\": ", COUNTY_SECRET).statusCode()).isEqualTo(400);
    assertThat(TestRedis.keys("zwgk:dedupe:*")).isEmpty();

    String body = callback("c-dup", "帮助");
    assertThat(status(send("/hooks/dingtalk/county", body, COUNTY_SECRET))).isEqualTo("accepted");
    assertThat(status(send("/hooks/dingtalk/county", body, COUNTY_SECRET))).isEqualTo("duplicate");
  }

  @Test
  @DisplayName("a Stream-mode robot has no HTTP callback")
  void streamRobotHasNoRoute() throws Exception {
    assertThat(send("/hooks/dingtalk/streamer", callback("s-1", "帮助"), "stream-secret").statusCode())
        .isEqualTo(404);
  }
}
