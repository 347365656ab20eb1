package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.ops.ReconnectBackoff;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxRedisExtension.class)
class DingTalkStreamIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  /** A host of the forger's choosing: must never receive a request. */
  @RegisterExtension
  static WireMockExtension evil = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String SESSION_PATH = "/robot/sendBySession";

  /** One WebSocket the fake gateway accepted, with the frames the robot sent on it. */
  private record Connection(String query, ServerWebSocket ws, List<JsonObject> received, AtomicInteger closed) {
    Optional<JsonObject> answerTo(String messageId) {
      return received.stream()
          .filter(f -> messageId.equals(f.getJsonObject("headers", new JsonObject()).getString("messageId")))
          .findFirst();
    }
  }

  private final List<JsonObject> opens = new CopyOnWriteArrayList<>();
  private final List<Connection> connections = new CopyOnWriteArrayList<>();
  private final AtomicInteger refuseOpens = new AtomicInteger();
  private Vertx vertx;
  private WebClient web;
  private Redis redis;
  private HttpServer gateway;
  private String deployment;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    web = WebClient.create(vertx);
    this.redis = redis;
    gateway = vertx.createHttpServer()
        .webSocketHandler(this::accept)
        .requestHandler(this::open)
        .listen(0, "127.0.0.1").await();
    dingtalk.stubFor(post(urlPathEqualTo(SESSION_PATH)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    // DINGTALK_API_BASE is the WireMock (the one origin a sessionWebhook may have besides DingTalk's own), which
    // hands registrations on to the fake gateway
    dingtalk.stubFor(post(urlPathEqualTo("/v1.0/gateway/connections/open"))
        .willReturn(aResponse().proxiedFrom("http://127.0.0.1:" + gateway.actualPort())));
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.TOKEN_PATH))
        .willReturn(okJson("{\"accessToken\":\"tok\",\"expireIn\":7200}")));
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.SEND_PATH)).willReturn(okJson("{}")));
    evil.stubFor(post(anyUrl()).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  private void deployRobot() {
    Settings settings = Settings.fromEnv(Map.of(
        "DINGTALK_API_BASE", dingtalk.baseUrl(), "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    RobotConfig robot = new RobotConfig("dingtalk", "streamer", RobotMode.STREAM,
        Map.of("clientId", new Secret("dingstream"), "clientSecret", new Secret("stream-secret")));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, web, settings, List.of(robot), Clock.systemUTC(),
        new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 0.25));
    ChatService chat = io.zwgk.bot.testing.TestChat.chatService(vertx, redis, "dingtalk", platform.replies());
    List<io.vertx.core.Deployable> verticles = platform.connections(chat);
    assertThat(verticles).hasSize(1);
    deployment = vertx.deployVerticle(verticles.get(0)).await();
  }

  private void open(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      if (refuseOpens.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        request.response().setStatusCode(503).end("{\"code\":\"ServiceUnavailable\",\"message\":\"busy\"}");
        return;
      }
      opens.add(body.toJsonObject());
      request.response().putHeader("content-type", "application/json").end(new JsonObject()
          .put("endpoint", "ws://127.0.0.1:" + gateway.actualPort() + "/connect")
          .put("ticket", "t+" + opens.size()).encode());
    });
  }

  private void accept(ServerWebSocket ws) {
    Connection connection = new Connection(ws.query(), ws, new CopyOnWriteArrayList<>(), new AtomicInteger());
    ws.textMessageHandler(text -> connection.received().add(new JsonObject(text)));
    ws.closeHandler(v -> connection.closed().incrementAndGet());
    connections.add(connection);
  }

  private Connection connection(int index) {
    await().atMost(WAIT).until(() -> connections.size() > index);
    return connections.get(index);
  }

  private static void send(Connection c, String type, String topic, String messageId, String data) {
    JsonObject headers = new JsonObject().put("contentType", "application/json").put("topic", topic)
        .put("messageId", messageId).put("time", String.valueOf(System.currentTimeMillis()));
    c.ws().writeTextMessage(new JsonObject().put("specVersion", "1.0").put("type", type).put("headers", headers)
        .put("data", data).encode());
  }

  private static String botMessage(String msgId, String text) {
    return botMessage(msgId, text, dingtalk.baseUrl() + SESSION_PATH + "?session=" + msgId);
  }

  private static String botMessage(String msgId, String text, String sessionWebhook) {
    return Callbacks.dingtalk().conversation("cidStream==").msgId(msgId).sender("staff-002", "李四")
        .put("robotCode", "dingstream").session(sessionWebhook).text(" " + text).json();
  }

  private static JsonObject awaitAnswer(Connection c, String messageId) {
    await().atMost(WAIT).until(() -> c.answerTo(messageId).isPresent());
    return c.answerTo(messageId).orElseThrow();
  }

  private static void awaitReplies(int count) {
    await().atMost(WAIT).untilAsserted(() -> dingtalk.verify(count, postRequestedFor(urlPathEqualTo(SESSION_PATH))));
  }

  @Test
  @DisplayName("the robot registers, connects with the URL-encoded ticket, ACKs a message at once and replies to it")
  void messageAckedAndAnswered() {
    deployRobot();
    Connection first = connection(0);

    assertThat(first.query()).isEqualTo("ticket=t%2B1");
    assertThat(opens.get(0).getString("clientId")).isEqualTo("dingstream");
    assertThat(opens.get(0).getString("clientSecret")).isEqualTo("stream-secret");
    send(first, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-1", botMessage("msg-1", "帮助"));

    JsonObject ack = awaitAnswer(first, "m-1");
    assertThat(ack).isEqualTo(new JsonObject("{\"code\":200,\"headers\":{\"contentType\":\"application/json\","
        + "\"messageId\":\"m-1\"},\"message\":\"OK\",\"data\":\"{\\\"response\\\": null}\"}"));
    awaitReplies(1);
    dingtalk.verify(postRequestedFor(urlPathEqualTo(SESSION_PATH))
        .withQueryParam("session", equalTo("msg-1"))
        .withRequestBody(matchingJsonPath("$.at.atUserIds[0]", equalTo("staff-002"))));
  }

  @Test
  @DisplayName("ping is echoed with its opaque data; disconnect is not answered and a new ticket replaces the socket")
  void pingAndDisconnect() {
    deployRobot();
    Connection first = connection(0);
    String opaque = "{\"opaque\":\"a0b1-c2\"}";

    send(first, "SYSTEM", "ping", "p-1", opaque);
    JsonObject pong = awaitAnswer(first, "p-1");
    assertThat(pong.getInteger("code")).isEqualTo(200);
    assertThat(pong.getString("data")).isEqualTo(opaque);

    send(first, "SYSTEM", "disconnect", "d-1", "{\"reason\":\"connection is expired\"}");
    Connection second = connection(1);

    assertThat(opens).hasSize(2);
    assertThat(second.query()).isEqualTo("ticket=t%2B2");
    await().atMost(WAIT).until(() -> first.closed().get() > 0);
    assertThat(first.answerTo("d-1")).isEmpty();
    send(second, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-2", botMessage("msg-2", "帮助"));
    awaitAnswer(second, "m-2");
    awaitReplies(1);
  }

  @Test
  @DisplayName("when the gateway closes the socket, the robot reconnects with a new ticket")
  void reconnectsAfterServerClose() {
    deployRobot();
    Connection first = connection(0);

    first.ws().close();
    Connection second = connection(1);

    assertThat(second.query()).isEqualTo("ticket=t%2B2");
    send(second, "SYSTEM", "ping", "p-2", "{\"opaque\":\"x\"}");
    awaitAnswer(second, "p-2");
  }

  @Test
  @DisplayName("refused registrations are retried with backoff until one succeeds")
  void refusedOpenRetried() {
    refuseOpens.set(2);
    deployRobot();

    Connection first = connection(0);

    assertThat(refuseOpens.get()).isZero();
    assertThat(first.query()).isEqualTo("ticket=t%2B1");
  }

  @Test
  @DisplayName("malformed frames are ignored and the socket stays; a redelivered msgId is ACKed but answered once")
  void malformedAndDuplicateFrames() {
    deployRobot();
    Connection c = connection(0);

    c.ws().writeTextMessage("not json at all");
    c.ws().writeTextMessage("{\"type\":\"CALLBACK\",\"headers\":\"oops\"}");
    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-bad", "{\"msgId\": ");
    assertThat(awaitAnswer(c, "m-bad").getInteger("code")).isEqualTo(200);
    send(c, "CALLBACK", "/v1.0/card/instances/callback", "m-card", "{}");
    assertThat(awaitAnswer(c, "m-card").getInteger("code")).isEqualTo(404);

    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-3", botMessage("msg-dup", "完成率 水利局"));
    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-4", botMessage("msg-dup", "完成率 水利局"));
    awaitAnswer(c, "m-4");
    awaitReplies(1);
    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-5", botMessage("msg-after", "帮助"));
    awaitReplies(2);

    assertThat(c.closed().get()).isZero();
    assertThat(connections).hasSize(1);
    assertThat(opens).hasSize(1);
  }

  @Test
  @DisplayName("a stream message whose sessionWebhook is not on DingTalk's host is answered through the OpenAPI "
      + "group send; the foreign host is never fetched; a message naming another robotCode is ACKed and ignored")
  void foreignSessionWebhookAndRobotCode() {
    deployRobot();
    Connection c = connection(0);

    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-evil",
        botMessage("msg-evil", "帮助", evil.baseUrl() + SESSION_PATH + "?session=x"));
    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-other", new JsonObject(botMessage("msg-other", "帮助"))
        .put("robotCode", "dingother").encode());
    assertThat(awaitAnswer(c, "m-other").getInteger("code")).isEqualTo(200);
    send(c, "CALLBACK", StreamFrame.BOT_MESSAGE_TOPIC, "m-after", botMessage("msg-after", "帮助"));

    await().atMost(WAIT).untilAsserted(() -> dingtalk.verify(1,
        postRequestedFor(urlPathEqualTo(DingTalkOpenApiClient.SEND_PATH))
            .withRequestBody(matchingJsonPath("$.openConversationId", equalTo("cidStream==")))));
    awaitReplies(1);
    dingtalk.verify(0, postRequestedFor(urlPathEqualTo(SESSION_PATH)).withQueryParam("session", equalTo("msg-other")));
    evil.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("undeploying closes the socket")
  void stopCloses() {
    deployRobot();
    Connection c = connection(0);

    vertx.undeploy(deployment).await();

    await().atMost(WAIT).until(() -> c.closed().get() > 0);
  }
}
