package io.zwgk.bot.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
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
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The outbox against the real DingTalk group sender and WireMock, on a fake clock that the test moves. */
@ExtendWith(VertxRedisExtension.class)
class OutboxDeliveryIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEND = "/robot/send";
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private Vertx vertx;
  private Redis redis;
  private GroupConfig office;
  private ChatConfig chat;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
    office = new GroupConfig("政务公开办工作群", "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret(dingtalk.baseUrl() + SEND + "?access_token=t1")), Optional.empty(), true, true, List.of());
    chat = new ChatConfig(List.of(), List.of(office));
  }

  /** One instance: its own platform, outbox and dispatcher over the shared Redis. */
  private record Instance(Outbox outbox, OutboxVerticle dispatcher) {
  }

  private Instance instance(DeliveryPolicy policy) {
    Settings settings = Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", "1000"));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, WebClient.create(vertx), settings, List.of(), clock);
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> platform.groups().maxTextBytes(), clock);
    OutboxVerticle dispatcher = new OutboxVerticle(new OutboxStore(redis), new RateLimitStore(redis),
        Map.of("dingtalk", platform), chat, outbox, policy, clock);
    vertx.deployVerticle(dispatcher).await();
    return new Instance(outbox, dispatcher);
  }

  private static DeliveryPolicy slowPolling(DeliveryPolicy p) {
    return new DeliveryPolicy(p.limits(), p.throttlePause(), Duration.ofHours(1), p.lease(), p.batch(),
        p.maxAttempts(), p.firstBackoff(), p.maxBackoff());
  }

  private void ok() {
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  private List<String> sentTitles() {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
        .map(r -> new JsonObject(r.getBodyAsString()).getJsonObject("markdown").getString("title")).toList();
  }

  @Test
  @DisplayName("a burst of 100 messages to one DingTalk robot arrives complete, in order, never over 20 per minute")
  void burstPacedAndOrdered() {
    ok();
    Instance one = instance(slowPolling(DeliveryPolicy.defaults()));
    for (int i = 1; i <= 100; i++) {
      one.outbox().toGroup(office, OutboundMessage.of("提醒 " + i, "第 " + i + " 条"), "burst-" + i).await();
    }
    List<Integer> sentBySecond = new ArrayList<>();
    for (int second = 0; second < 6 * 60; second++) {
      one.dispatcher().round().await();
      while (one.dispatcher().round().await() > 0) {
        // drain what is due at this instant
      }
      sentBySecond.add(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).size());
      clock.advance(Duration.ofSeconds(1));
    }

    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      expected.add("提醒 " + i);
    }
    assertThat(sentTitles()).containsExactlyElementsOf(expected);
    for (int t = 60; t < sentBySecond.size(); t++) {
      assertThat(sentBySecond.get(t) - sentBySecond.get(t - 60)).as("sends in the minute before second " + t)
          .isLessThanOrEqualTo(20);
    }
    assertThat(sentBySecond.get(0)).isEqualTo(20);
  }

  @Test
  @DisplayName("a robot's budget counts each send from the platform's answer, so slow answers never make it too fast")
  void budgetCountsFromTheAnswer() {
    ok();
    Settings settings = Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", "1000"));
    DingTalkPlatform real = new DingTalkPlatform(vertx, WebClient.create(vertx), settings, List.of(), clock);
    ChatPlatform slow = answeringAfter(real, Duration.ofMillis(400));
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> real.groups().maxTextBytes(), clock);
    OutboxVerticle dispatcher = new OutboxVerticle(new OutboxStore(redis), new RateLimitStore(redis),
        Map.of("dingtalk", slow), chat, outbox, slowPolling(DeliveryPolicy.defaults()), clock);
    vertx.deployVerticle(dispatcher).await();
    Instant start = clock.instant();
    for (int i = 1; i <= 21; i++) {
      outbox.toGroup(office, OutboundMessage.of("提醒 " + i, "第 " + i + " 条"), "slow-" + i).await();
    }
    while (dispatcher.round().await() > 0) {
      // the first 20 go at once (enqueuing already starts them), each answered 400 ms after it left
    }
    assertThat(sentTitles()).hasSize(20);

    clock.advance(Duration.between(clock.instant(), start.plusMillis(60_000 + 300)));
    dispatcher.round().await();
    assertThat(sentTitles()).as("60.3 s after the first send left, but only 59.9 s after its answer").hasSize(20);

    clock.advance(Duration.between(clock.instant(), start.plusMillis(60_400 + DeliveryPolicy.WINDOW_MARGIN.toMillis())));
    dispatcher.round().await();
    assertThat(sentTitles()).hasSize(21);
  }

  /** {@code platform}, whose group sends are answered {@code latency} later on the test's clock. */
  private ChatPlatform answeringAfter(ChatPlatform platform, Duration latency) {
    GroupSender slow = new GroupSender() {
      @Override
      public int maxTextBytes() {
        return platform.groups().maxTextBytes();
      }

      @Override
      public Future<Void> send(GroupConfig group, OutboundMessage message, String idempotencyKey) {
        return platform.groups().send(group, message, idempotencyKey).andThen(ar -> clock.advance(latency));
      }
    };
    return new ChatPlatform() {
      @Override
      public String name() {
        return platform.name();
      }

      @Override
      public void mount(Router router, ChatService chatService) {
      }

      @Override
      public List<Deployable> connections(ChatService chatService) {
        return List.of();
      }

      @Override
      public ReplyChannel replies() {
        return platform.replies();
      }

      @Override
      public GroupSender groups() {
        return slow;
      }

      @Override
      public SendLimits sendLimits() {
        return platform.sendLimits();
      }
    };
  }

  @Test
  @DisplayName("an instance that dies in the middle of a 30-message broadcast: another one delivers the rest, each once")
  void crashMidBroadcast() {
    ok();
    DeliveryPolicy fast = new DeliveryPolicy(Map.of(), DeliveryPolicy.defaults().throttlePause(), Duration.ofHours(1),
        Duration.ofSeconds(30), 64, 8, Duration.ofSeconds(5), Duration.ofMinutes(30)).unlimited();
    // the doomed instance may send ten in the hour, so it stops mid-broadcast however fast its rounds follow each other
    DeliveryPolicy tenAnHour = new DeliveryPolicy(Map.of("dingtalk", List.of(new Limit(Duration.ofHours(1), 10))),
        fast.throttlePause(), fast.pollInterval(), fast.lease(), fast.batch(), fast.maxAttempts(), fast.firstBackoff(),
        fast.maxBackoff());
    Instance doomed = instance(tenAnHour);
    for (int i = 1; i <= 30; i++) {
      doomed.outbox().toGroup(office, OutboundMessage.of("通知 " + i, "x"), "broadcast-" + i).await();
    }
    for (int i = 0; i < 12; i++) {
      doomed.dispatcher().round().await();
    }
    int before = sentTitles().size();
    vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();

    Instance survivor = instance(fast);
    clock.advance(Duration.ofHours(2));
    while (survivor.dispatcher().round().await() > 0) {
      // deliver the rest
    }

    assertThat(before).isEqualTo(10);
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      expected.add("通知 " + i);
    }
    assertThat(sentTitles()).containsExactlyElementsOf(expected);
  }

  @Test
  @DisplayName("the same idempotency key queued twice, or by two instances, is sent once")
  void idempotentAcrossInstances() {
    ok();
    Instance a = instance(slowPolling(DeliveryPolicy.defaults()));
    Instance b = instance(slowPolling(DeliveryPolicy.defaults()));
    assertThat(a.outbox().toGroup(office, OutboundMessage.of("日报", "x"), "digest-2024-05-06").await()).isTrue();
    assertThat(b.outbox().toGroup(office, OutboundMessage.of("日报", "x"), "digest-2024-05-06").await()).isFalse();

    a.dispatcher().round().await();
    b.dispatcher().round().await();
    a.dispatcher().round().await();

    assertThat(sentTitles()).containsExactly("日报");
  }

  @Test
  @DisplayName("a throttled robot (130101) keeps its message and sends it after the 10-minute rest")
  void throttledHeldThenSent() {
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"errcode\":130101,\"errmsg\":\"send too fast\"}")).willSetStateTo("open"));
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).inScenario("throttle").whenScenarioStateIs("open")
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    Instance one = instance(slowPolling(DeliveryPolicy.defaults()));
    one.outbox().toGroup(office, OutboundMessage.of("督办", "x"), "k").await();

    one.dispatcher().round().await();
    clock.advance(Duration.ofMinutes(9));
    one.dispatcher().round().await();
    assertThat(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    one.dispatcher().round().await();
    assertThat(dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(2);
    assertThat(new OutboxStore(redis).depth().await()).isEmpty();
  }

  @Test
  @DisplayName("5xx answers are retried with backoff until the platform recovers; nothing is lost")
  void serverErrorsRetried() {
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    Instance one = instance(slowPolling(DeliveryPolicy.defaults()));
    one.outbox().toGroup(office, OutboundMessage.of("通报", "x"), "k").await();

    for (int i = 0; i < 20; i++) {
      one.dispatcher().round().await();
      clock.advance(Duration.ofSeconds(10));
    }

    List<LoggedRequest> requests = dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND)));
    assertThat(requests).hasSize(3);
    assertThat(new OutboxStore(redis).counters().await()).containsEntry("sent", "1").containsEntry("retries", "2");
  }

  @Test
  @DisplayName("a send that cannot even start (a webhook URL without a scheme) is dead-lettered at once, not retried")
  void unsendableDeadLettered() {
    ok();
    GroupConfig broken = new GroupConfig("坏群", "dingtalk", "default", Optional.empty(),
        Optional.of(new Secret("oapi.example/robot/send?access_token=x")), Optional.empty(), false, true, List.of());
    chat = new ChatConfig(List.of(), List.of(office, broken));
    Instance one = instance(slowPolling(DeliveryPolicy.defaults()));
    one.outbox().toGroup(broken, OutboundMessage.of("提醒", "正文"), "broken-1").await();
    while (one.dispatcher().round().await() > 0) {
      // the dead letter's alert to the office group goes out too
    }

    assertThat(new OutboxStore(redis).backlog(clock.millis()).await().dead()).isEqualTo(1);
    assertThat(sentTitles()).containsExactly("消息发送失败");
  }

  @Test
  @DisplayName("a configuration error (310000) is dead-lettered at once, listed, and reported to the office group")
  void permanentFailureDeadLettered() {
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));
    Instance one = instance(slowPolling(DeliveryPolicy.defaults()));
    one.outbox().toGroup(office, OutboundMessage.of("通报", "x"), "k").await();

    one.dispatcher().round().await();
    clock.advance(Duration.ofSeconds(5));
    one.dispatcher().round().await();

    assertThat(new OutboxStore(redis).deadLetters(10).await()).extracting(d -> d.lastError())
        .anyMatch(e -> e.contains("310000"));
    assertThat(sentTitles()).contains("通报", "消息发送失败");
    long alerts = sentTitles().stream().filter("消息发送失败"::equals).count();
    assertThat(alerts).as("an alert about a failed alert is not raised again").isEqualTo(1);
  }
}
