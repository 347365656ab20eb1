package io.zwgk.bot.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.RateLimitStore.Limit;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLauncher;
import io.zwgk.bot.testing.Completion;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.Processes;
import io.zwgk.bot.testing.TestChat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill: the Redis server is killed (SIGKILL) while commands are being answered, and restarted on its AOF.
 * Uses its own AOF-backed server, not the suite's shared one.
 */
class RedisOutageIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEND = "/robot/send";
  private static final String UNAVAILABLE = "数据服务暂不可用，请稍后再试。";
  private static final int PER_GROUP = 10;
  private static final int PER_MINUTE = 3;

  @TempDir
  Path dataDir;
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private final List<String> answers = new CopyOnWriteArrayList<>();
  private RedisLauncher server;
  private Vertx vertx;
  private Redis redis;
  private ChatService chat;
  private Outbox outbox;
  private OutboxVerticle dispatcher;
  private List<GroupConfig> groups;
  private int sender;

  @BeforeEach
  void start() throws Exception {
    server = RedisLauncher.start(Optional.of(Files.createDirectories(dataDir.resolve("redis"))));
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, server.uri()).await();
    chat = TestChat.chatService(vertx, redis, "dingtalk", (to, message) -> {
      answers.add(message.markdown());
      return Future.succeededFuture();
    }, SenderLimits.defaults(), clock);
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    groups = List.of(group("单位群A"), group("单位群B"));
    ChatConfig config = new ChatConfig(List.of(), groups);
    DingTalkPlatform platform = new DingTalkPlatform(vertx, WebClient.create(vertx),
        Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", "1000")), List.of(), clock);
    OutboxStore store = new OutboxStore(redis);
    outbox = new Outbox(store, config, p -> platform.groups().maxTextBytes(), clock);
    DeliveryPolicy d = DeliveryPolicy.defaults();
    DeliveryPolicy threePerMinute = new DeliveryPolicy(
        Map.of("dingtalk", List.of(new Limit(Duration.ofMinutes(1), PER_MINUTE))), d.throttlePause(),
        Duration.ofHours(1), d.lease(), d.batch(), d.maxAttempts(), d.firstBackoff(), d.maxBackoff());
    dispatcher = new OutboxVerticle(store, new RateLimitStore(redis), Map.of("dingtalk", platform), config, outbox,
        threePerMinute, clock);
    vertx.deployVerticle(dispatcher).await();
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
    server.close();
  }

  private GroupConfig group(String name) {
    return new GroupConfig(name, "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret(dingtalk.baseUrl() + SEND + "?access_token=" + name.hashCode())), Optional.empty(),
        false, true, List.of());
  }

  /**
   * One command from a new user each time, so the per-sender budget plays no part. ({@code 我的完成率} and {@code 排名}
   * read Redis every time; a unit name may be resolved from the cached unit list.)
   */
  private Future<Void> command(String text) {
    sender++;
    return chat.handle(new InboundMessage("dingtalk", "default", "cid-1", "", "user-" + sender, "", text,
        List.of(), "msg-" + sender, new ReplyHandle("", null, null)));
  }

  private List<String> sentTitles() {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
        .map(r -> new JsonObject(r.getBodyAsString()).getJsonObject("markdown").getString("title")).toList();
  }

  private Integer roundIgnoringFailure() {
    return Completion.of(dispatcher.round().recover(e -> Future.succeededFuture(-1)));
  }

  /** Runs rounds until no lane is due: everything the budget allows now is sent, nothing is in flight. */
  private void settle() {
    while (roundIgnoringFailure() > 0) {
      // next round
    }
  }

  @Test
  @DisplayName("Redis killed under traffic: every command is answered (the plain 'unavailable' reply while it is"
      + " down), the service recovers by itself, and the outbox delivers every queued message exactly once")
  void killedAndRestarted() {
    List<String> queued = new ArrayList<>();
    for (GroupConfig g : groups) {
      for (int i = 1; i <= PER_GROUP; i++) {
        queued.add(g.name() + " 通知" + i);
        Completion.of(outbox.toGroup(g, OutboundMessage.of(g.name() + " 通知" + i, "正文"), g.name() + i));
      }
    }
    settle();
    int beforeOutage = sentTitles().size();
    assertThat(beforeOutage).as("the budget holds the rest back").isEqualTo(2 * PER_MINUTE);

    List<Future<Void>> inFlight = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      inFlight.add(command("完成率 水利局"));
    }
    Processes.killRedisOn(server.port());
    server.close();
    Completion.of(Future.join(inFlight));
    assertThat(answers).as("commands in flight when Redis died").hasSize(30);

    answers.clear();
    for (int i = 0; i < 10; i++) {
      Completion.of(command("我的完成率"));
      Completion.of(command("排名"));
    }
    assertThat(answers).as("while Redis is down").hasSize(20).containsOnly(UNAVAILABLE);
    assertThat(roundIgnoringFailure()).as("a dispatcher round fails fast, sending nothing").isEqualTo(-1);
    assertThat(sentTitles()).hasSize(beforeOutage);

    server = RedisLauncher.startOn(server.port(), Optional.of(dataDir.resolve("redis")));
    Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
      answers.clear();
      Completion.of(command("我的完成率"));
      return !answers.isEmpty() && !answers.get(0).equals(UNAVAILABLE);
    });
    assertThat(answers.get(0)).as("a real answer again: the sender has no bound unit").contains("绑定");

    for (int minute = 0; minute < 10; minute++) {
      clock.advance(Duration.ofSeconds(61));
      settle();
    }
    assertThat(sentTitles()).as("every queued message once, none twice").containsExactlyInAnyOrderElementsOf(queued);
    for (GroupConfig g : groups) {
      assertThat(sentTitles().stream().filter(t -> t.startsWith(g.name())).toList()).as("order in " + g.name())
          .containsExactlyElementsOf(queued.stream().filter(t -> t.startsWith(g.name())).toList());
    }
  }
}
