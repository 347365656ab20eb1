package io.zwgk.bot.chat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
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
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.Completion;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault drill: a DingTalk group robot endpoint that times out, answers 5xx, or throttles for minutes of (fake) time.
 * Messages wait in the outbox and are all delivered, in order, once it recovers; none is dead-lettered.
 */
@ExtendWith(VertxRedisExtension.class)
class PlatformOutageIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEND = "/robot/send";
  private static final long TIMEOUT_MS = 300;
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private OutboxStore store;
  private Outbox outbox;
  private OutboxVerticle dispatcher;
  private List<GroupConfig> groups;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    store = new OutboxStore(redis);
    groups = new ArrayList<>();
    for (int g = 1; g <= 3; g++) {
      groups.add(new GroupConfig("单位群" + g, "dingtalk", "default", Optional.empty(),
          Optional.of(new Secret(dingtalk.baseUrl() + SEND + "?access_token=g" + g)), Optional.empty(), false, true,
          List.of()));
    }
    ChatConfig chat = new ChatConfig(List.of(), groups);
    Settings settings = Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", String.valueOf(TIMEOUT_MS)));
    DingTalkPlatform platform = new DingTalkPlatform(vertx, WebClient.create(vertx), settings, List.of(), clock);
    outbox = new Outbox(store, chat, p -> platform.groups().maxTextBytes(), clock);
    DeliveryPolicy p = DeliveryPolicy.defaults();
    dispatcher = new OutboxVerticle(store, new RateLimitStore(redis), Map.of("dingtalk", platform), chat, outbox,
        new DeliveryPolicy(p.limits(), p.throttlePause(), Duration.ofHours(1), p.lease(), p.batch(), p.maxAttempts(),
            p.firstBackoff(), p.maxBackoff()), clock);
    vertx.deployVerticle(dispatcher).await();
  }

  private void platformAnswers(ResponseDefinitionBuilder response) {
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(response));
  }

  private static ResponseDefinitionBuilder ok() {
    return okJson("{\"errcode\":0,\"errmsg\":\"ok\"}");
  }

  /** Queues {@code perGroup} messages to each group; answers their titles in queue order per group. */
  private List<String> queue(int perGroup) {
    List<String> titles = new ArrayList<>();
    for (GroupConfig g : groups) {
      for (int i = 1; i <= perGroup; i++) {
        String title = g.name() + " 第" + i + "条";
        Completion.of(outbox.toGroup(g, OutboundMessage.of(title, "督办事项 " + i), g.name() + ":" + i));
        titles.add(title);
      }
    }
    return titles;
  }

  /** Runs a dispatcher round every {@code step} of fake time for {@code span}. */
  private void drive(Duration span, Duration step) {
    for (Duration t = Duration.ZERO; t.compareTo(span) < 0; t = t.plus(step)) {
      Completion.of(dispatcher.round());
      clock.advance(step);
    }
  }

  private record Request(String title, String msgUuid) {
  }

  private static List<Request> requests() {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream()
        .map(r -> new JsonObject(r.getBodyAsString()))
        .map(j -> new Request(j.getJsonObject("markdown").getString("title"), j.getString("msgUuid"))).toList();
  }

  private void assertDrainedInOrder(List<String> queued) {
    List<String> delivered = requests().stream().map(Request::title).toList();
    assertThat(delivered).as("each message once after recovery").containsExactlyInAnyOrderElementsOf(queued);
    for (GroupConfig g : groups) {
      assertThat(delivered.stream().filter(t -> t.startsWith(g.name() + " ")).toList())
          .as("order within " + g.name())
          .containsExactlyElementsOf(queued.stream().filter(t -> t.startsWith(g.name() + " ")).toList());
    }
    assertThat(Completion.of(store.depth())).as("nothing left waiting").isEmpty();
    assertThat(Completion.of(store.deadLetters(10))).as("nothing dead-lettered").isEmpty();
  }

  @Test
  @DisplayName("an endpoint that times out for 4 minutes: only each robot's head message is tried, with the same"
      + " msgUuid every time, and all 12 arrive once in order when it answers again")
  void timingOutForMinutes() {
    platformAnswers(ok().withFixedDelay((int) TIMEOUT_MS * 4));
    List<String> queued = queue(4);

    drive(Duration.ofMinutes(4), Duration.ofSeconds(5));

    List<Request> duringOutage = requests();
    assertThat(duringOutage).extracting(Request::title).as("only the heads were tried")
        .containsOnly("单位群1 第1条", "单位群2 第1条", "单位群3 第1条");
    assertThat(duringOutage.stream().collect(Collectors.groupingBy(Request::title,
        Collectors.mapping(Request::msgUuid, Collectors.toSet()))).values())
        .as("a retried message keeps its msgUuid, so DingTalk shows it once even if a timed-out try got through")
        .allSatisfy(ids -> assertThat(ids).hasSize(1));
    assertThat(duringOutage.size()).as("retried with backoff, not hammered").isBetween(9, 24);

    dingtalk.resetRequests();
    platformAnswers(ok());
    drive(Duration.ofMinutes(12), Duration.ofSeconds(5));

    assertDrainedInOrder(queued);
  }

  @Test
  @DisplayName("an endpoint answering 503 for 8 minutes: all messages are held and delivered once it recovers")
  void serverErrorsForMinutes() {
    platformAnswers(aResponse().withStatus(503));
    List<String> queued = queue(3);

    drive(Duration.ofMinutes(8), Duration.ofSeconds(5));
    assertThat(requests()).extracting(Request::title).containsOnly("单位群1 第1条", "单位群2 第1条", "单位群3 第1条");

    dingtalk.resetRequests();
    platformAnswers(ok());
    drive(Duration.ofMinutes(15), Duration.ofSeconds(5));

    assertDrainedInOrder(queued);
    assertThat(Completion.of(store.counters())).containsEntry("sent", "9");
  }

  @Test
  @DisplayName("a robot throttled (130101) for 25 minutes rests and retries without using up its attempts;"
      + " everything arrives once in order afterwards")
  void throttledForMinutes() {
    platformAnswers(okJson("{\"errcode\":130101,\"errmsg\":\"send too fast\"}"));
    List<String> queued = queue(5);

    drive(Duration.ofMinutes(25), Duration.ofSeconds(30));
    List<Request> duringOutage = requests();
    assertThat(duringOutage).extracting(Request::title).containsOnly("单位群1 第1条", "单位群2 第1条", "单位群3 第1条");
    assertThat(duringOutage).as("one try per 10-minute rest per robot").hasSizeBetween(6, 9);

    dingtalk.resetRequests();
    platformAnswers(ok());
    drive(Duration.ofMinutes(30), Duration.ofSeconds(30));

    assertDrainedInOrder(queued);
    assertThat(Completion.of(store.counters())).containsEntry("sent", "15").doesNotContainKey("dead");
  }
}
