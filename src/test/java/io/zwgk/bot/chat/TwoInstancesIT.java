package io.zwgk.bot.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.Completion;
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault drill: two instances of the service on one Redis, under the same load, never send anything twice. */
@ExtendWith(RedisServerExtension.class)
class TwoInstancesIT {
  private static final java.util.concurrent.atomic.AtomicLong LAST_TIMESTAMP =
      new java.util.concurrent.atomic.AtomicLong();
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEND = "/robot/send";
  private static final String SESSION = "/robot/sendBySession";
  private static final int LANES = 10;
  private static final int PER_LANE = 20;

  /** One instance's own Vert.x, Redis client, platform, outbox and running dispatcher. */
  private record Instance(Vertx vertx, Redis redis, Outbox outbox) {
    void close() {
      redis.close().await();
      vertx.close().await();
    }
  }

  private static Instance instance(String name, ChatConfig chat) {
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    WebClient web = WebClient.create(vertx, new WebClientOptions().setUserAgent(name));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, web,
        Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", "2000")), List.of(), Clock.systemUTC());
    OutboxStore store = new OutboxStore(redis);
    Outbox outbox = new Outbox(store, chat, p -> platform.groups().maxTextBytes(), Clock.systemUTC());
    DeliveryPolicy d = DeliveryPolicy.defaults();
    DeliveryPolicy eager = new DeliveryPolicy(Map.of(), d.throttlePause(), Duration.ofMillis(5), d.lease(), d.batch(),
        d.maxAttempts(), d.firstBackoff(), d.maxBackoff()).unlimited();
    vertx.deployVerticle(new OutboxVerticle(store, new RateLimitStore(redis), Map.of("dingtalk", platform), chat,
        outbox, eager, Clock.systemUTC())).await();
    return new Instance(vertx, redis, outbox);
  }

  private static List<LoggedRequest> sends() {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND)));
  }

  private static String title(LoggedRequest r) {
    return new JsonObject(r.getBodyAsString()).getJsonObject("markdown").getString("title");
  }

  @Test
  @DisplayName("two dispatchers on two Vert.x instances drain the same 10 robot lanes: 200 messages, each sent once,"
      + " in order per robot, and both instances did part of the work")
  void outboxDrainedOnceByTwo() {
    TestRedis.flush();
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")
        .withFixedDelay(5)));
    List<GroupConfig> groups = new ArrayList<>();
    for (int g = 0; g < LANES; g++) {
      groups.add(new GroupConfig("单位群" + g, "dingtalk", "default", Optional.empty(),
          Optional.of(new Secret(dingtalk.baseUrl() + SEND + "?access_token=g" + g)), Optional.empty(), false, true,
          List.of()));
    }
    ChatConfig chat = new ChatConfig(List.of(), groups);
    Instance a = instance("instance-a", chat);
    Instance b = instance("instance-b", chat);
    try {
      List<String> queued = new ArrayList<>();
      for (int i = 1; i <= PER_LANE; i++) {
        for (GroupConfig g : groups) {
          Instance via = i % 2 == 0 ? a : b;
          queued.add(g.name() + "-" + i);
          Completion.of(via.outbox().toGroup(g, OutboundMessage.of(g.name() + "-" + i, "正文"), g.name() + i));
        }
      }

      await().atMost(Duration.ofSeconds(60)).until(() -> sends().size() >= queued.size()
          && Completion.of(new OutboxStore(a.redis()).depth()).isEmpty());

      List<LoggedRequest> sent = sends();
      assertThat(sent).extracting(TwoInstancesIT::title).as("each message exactly once")
          .containsExactlyInAnyOrderElementsOf(queued);
      for (GroupConfig g : groups) {
        assertThat(sent.stream().map(TwoInstancesIT::title).filter(t -> t.startsWith(g.name() + "-")).toList())
            .as("order of " + g.name())
            .containsExactlyElementsOf(queued.stream().filter(t -> t.startsWith(g.name() + "-")).toList());
      }
      assertThat(sent.stream().map(r -> r.getHeader("User-Agent")).collect(Collectors.toSet()))
          .as("both instances delivered").containsExactlyInAnyOrder("instance-a", "instance-b");
    } finally {
      a.close();
      b.close();
    }
  }

  @Test
  @DisplayName("the same DingTalk callback delivered to two app instances on one Redis is accepted by one,"
      + " refused as a duplicate by the other, and answered once")
  void callbackAnsweredOnceByTwoApps() throws Exception {
    dingtalk.stubFor(post(urlPathEqualTo(SESSION)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    TestApp first = TestApp.start(Map.of("DINGTALK_API_BASE", dingtalk.baseUrl()));
    TestApp second = TestApp.start(Map.of("DINGTALK_API_BASE", dingtalk.baseUrl()));
    HttpClient http = HttpClient.newHttpClient();
    try {
      int messages = 20;
      List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        String body = callback("twin-" + i, "user-" + i);
        responses.add(http.sendAsync(request(first, body), HttpResponse.BodyHandlers.ofString()));
        responses.add(http.sendAsync(request(second, body), HttpResponse.BodyHandlers.ofString()));
      }
      List<String> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> r : responses) {
        HttpResponse<String> response = r.get();
        assertThat(response.statusCode()).isEqualTo(200);
        statuses.add(new JsonObject(response.body()).getString("status"));
      }
      for (int i = 0; i < messages; i++) {
        assertThat(List.of(statuses.get(2 * i), statuses.get(2 * i + 1))).as("message twin-" + i)
            .containsExactlyInAnyOrder("accepted", "duplicate");
      }
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SESSION)))).hasSize(messages));
      assertThat(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SESSION))).stream()
          .map(r -> r.queryParameter("session").firstValue()).distinct()).hasSize(messages);
    } finally {
      first.close();
      second.close();
    }
  }

  /** Each delivery is signed with its own timestamp: a timestamp/sign pair is accepted once. */
  private static HttpRequest request(TestApp app, String body) {
    long now = LAST_TIMESTAMP.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
    return Callbacks.signedDingTalk(URI.create(app.baseUrl() + "/hooks/dingtalk"), body, now, TestApp.DINGTALK_SECRET);
  }

  private static String callback(String msgId, String sender) {
    return Callbacks.dingtalk().conversation("cid-twins", "政务公开工作群").msgId(msgId).sender(sender, "张三")
        .session(dingtalk.baseUrl() + SESSION + "?session=" + msgId).text("帮助").json();
  }
}
