package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyHandle;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The long connection against a local gateway, with a real ChatService on the suite's Redis. Reconnects go through a
 * {@link ManualReconnectTimer}: a test sees each requested reconnect and its delay, and fires it itself; timers a test
 * is not about are set far beyond the test's length.
 */
@ExtendWith(VertxRedisExtension.class)
class WeComLongConnectionIT {
  private static final Duration INITIAL_BACKOFF = Duration.ofMillis(50);
  private static final Duration MAX_BACKOFF = Duration.ofMillis(1500);
  private static final Duration NEVER = Duration.ofMinutes(10);
  private static final LongConnectionTiming QUIET = timing(NEVER, NEVER);

  private final FakeWeComGateway gateway = new FakeWeComGateway();
  private final ManualReconnectTimer timer = new ManualReconnectTimer();
  private Vertx vertx;
  private Redis redis;
  private WeComPlatform platform;

  private static LongConnectionTiming timing(Duration heartbeat, Duration ackTimeout) {
    return new LongConnectionTiming(heartbeat, INITIAL_BACKOFF, MAX_BACKOFF, ackTimeout, Duration.ofSeconds(10));
  }

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
    gateway.start(vertx);
  }

  private void connect(LongConnectionTiming timing) {
    RobotConfig robot = new RobotConfig("wecom", "default", RobotMode.LONG_CONNECTION,
        Map.of("botId", new Secret("aib-test-bot"), "botSecret", new Secret("s3cr3t-bot-secret")));
    platform = new WeComPlatform(WebClient.create(vertx), Settings.fromEnv(Map.of()), List.of(robot),
        Clock.systemUTC(), gateway.url(), timing, timer);
    ChatService chat = io.zwgk.bot.testing.TestChat.chatService(vertx, redis, "wecom", platform.replies());
    List<Deployable> connections = platform.connections(chat);
    assertThat(connections).hasSize(1);
    vertx.deployVerticle(connections.get(0)).await();
  }

  private static JsonObject text(String msgid, String content) {
    return Callbacks.wecom().msgId(msgid).robot("aib-test-bot").text(content).object();
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    Throwable cause = future.toCompletionStage().toCompletableFuture().handle((ok, err) -> err)
        .get(10, TimeUnit.SECONDS);
    assertThat(cause).as("the reply should have failed").isNotNull();
    return cause;
  }

  private static InboundMessage socketMessage(String reqId) {
    return new InboundMessage("wecom", "default", "wrkSFfCgAA", "", "zhangsan", "", "帮助", List.of(), "m-" + reqId,
        new ReplyHandle("", null, Map.of(WeComMessageDecoder.REQ_ID, reqId)));
  }

  @Test
  @DisplayName("on connect the robot subscribes with its bot id and secret")
  void subscribesWithCredentials() throws Exception {
    connect(QUIET);
    JsonObject subscribe = gateway.next("aibot_subscribe");

    assertThat(subscribe.getJsonObject("body").getString("bot_id")).isEqualTo("aib-test-bot");
    assertThat(subscribe.getJsonObject("body").getString("secret")).isEqualTo("s3cr3t-bot-secret");
    assertThat(subscribe.getJsonObject("headers").getString("req_id")).isNotBlank();
  }

  @Test
  @DisplayName("once subscribed the robot sends ping heartbeats, each with its own req_id")
  void heartbeats() throws Exception {
    connect(timing(Duration.ofMillis(200), NEVER));
    gateway.next("aibot_subscribe");

    String first = gateway.next("ping").getJsonObject("headers").getString("req_id");
    String second = gateway.next("ping").getJsonObject("headers").getString("req_id");

    assertThat(first).isNotBlank().isNotEqualTo(second);
  }

  @Test
  @DisplayName("a message callback is answered over the socket with aibot_respond_msg and the same req_id")
  void messageAnsweredOverSocket() throws Exception {
    connect(QUIET);
    FakeWeComGateway.Connection c = gateway.nextConnection();
    gateway.next("aibot_subscribe");

    FakeWeComGateway.push(c.socket(), "req-cb-1", text("msg-1", "@政务公开助手 帮助"));

    JsonObject reply = gateway.next("aibot_respond_msg");
    assertThat(reply.getJsonObject("headers").getString("req_id")).isEqualTo("req-cb-1");
    JsonObject body = reply.getJsonObject("body");
    assertThat(body.getString("msgtype")).isEqualTo("stream");
    assertThat(body.getJsonObject("stream").getBoolean("finish")).isTrue();
    assertThat(body.getJsonObject("stream").getString("id")).isNotBlank();
    assertThat(body.getJsonObject("stream").getString("content")).contains("完成率");
    assertThat(TestRedis.keys("zwgk:dedupe:wecom:*")).containsExactly("zwgk:dedupe:wecom:msg-1");
  }

  @Test
  @DisplayName("the same msgid pushed twice is answered once")
  void duplicateAnsweredOnce() throws Exception {
    connect(QUIET);
    FakeWeComGateway.Connection c = gateway.nextConnection();
    gateway.next("aibot_subscribe");

    FakeWeComGateway.push(c.socket(), "req-a", text("msg-dup", "帮助"));
    assertThat(gateway.next("aibot_respond_msg").getJsonObject("headers").getString("req_id")).isEqualTo("req-a");
    FakeWeComGateway.push(c.socket(), "req-b", text("msg-dup", "帮助"));
    FakeWeComGateway.push(c.socket(), "req-c", text("msg-other", "帮助"));

    assertThat(gateway.next("aibot_respond_msg").getJsonObject("headers").getString("req_id")).isEqualTo("req-c");
  }

  private static void assertBackoff(ManualReconnectTimer.Request request, Duration base) {
    assertThat(request.delay()).as("backoff plus at most a fifth of jitter")
        .isBetween(base, base.plus(base.dividedBy(5)));
  }

  private boolean noOpenConnection() throws Exception {
    Future<Void> reply = platform.replies().reply(socketMessage("req-probe"), OutboundMessage.of("t", "x"));
    return failureOf(reply).getMessage().contains("not open");
  }

  @Test
  @DisplayName("when the gateway closes the socket the robot reconnects after the first backoff and subscribes again")
  void reconnectsAfterServerClose() throws Exception {
    connect(QUIET);
    FakeWeComGateway.Connection first = gateway.nextConnection();
    gateway.next("aibot_subscribe");

    first.socket().close();

    ManualReconnectTimer.Request retry = timer.next();
    assertBackoff(retry, INITIAL_BACKOFF);
    assertThat(gateway.connections).as("no connection before the backoff elapsed").isEmpty();
    retry.fire();
    FakeWeComGateway.Connection second = gateway.nextConnection();
    assertThat(second.socket()).isNotSameAs(first.socket());
    assertThat(gateway.next("aibot_subscribe").getJsonObject("body").getString("bot_id")).isEqualTo("aib-test-bot");
  }

  @Test
  @DisplayName("a successful subscribe resets the backoff: every close after one waits the first backoff again")
  void subscribeResetsBackoff() throws Exception {
    connect(QUIET);
    for (int round = 0; round < 3; round++) {
      FakeWeComGateway.Connection c = gateway.nextConnection();
      gateway.next("aibot_subscribe");

      c.socket().close();

      ManualReconnectTimer.Request retry = timer.next();
      assertBackoff(retry, INITIAL_BACKOFF);
      retry.fire();
    }
  }

  @Test
  @DisplayName("after a disconnected_event (another connection took over) the robot closes and does not reconnect")
  void replacedConnectionStaysDown() throws Exception {
    connect(QUIET);
    FakeWeComGateway.Connection c = gateway.nextConnection();
    gateway.next("aibot_subscribe");
    CompletableFuture<Void> closed = new CompletableFuture<>();
    c.socket().closeHandler(v -> closed.complete(null));

    c.socket().writeTextMessage(new JsonObject().put("cmd", "aibot_event_callback")
        .put("headers", new JsonObject().put("req_id", "evt-1"))
        .put("body", new JsonObject().put("msgtype", "event")
            .put("event", new JsonObject().put("eventtype", "disconnected_event"))).encode());

    closed.get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).until(this::noOpenConnection);
    assertThat(timer.requests).as("no reconnect requested once the robot has handled the close").isEmpty();
    assertThat(gateway.connections).as("no new connection").isEmpty();
  }

  @Test
  @DisplayName("a subscribe WeCom never answers closes the socket and the robot connects again")
  void unansweredSubscribeReconnects() throws Exception {
    gateway.answerSubscribe = false;
    connect(timing(NEVER, Duration.ofMillis(200)));
    FakeWeComGateway.Connection first = gateway.nextConnection();
    gateway.next("aibot_subscribe");

    ManualReconnectTimer.Request retry = timer.next();
    assertBackoff(retry, INITIAL_BACKOFF);
    retry.fire();
    FakeWeComGateway.Connection second = gateway.nextConnection();

    assertThat(second.socket()).isNotSameAs(first.socket());
    assertThat(gateway.next("aibot_subscribe")).isNotNull();
  }

  @Test
  @DisplayName("a rejected bot id or secret (853000) is retried only after the longest backoff")
  void badCredentialsRetriedSlowly() throws Exception {
    gateway.subscribeErrcode = 853000;
    connect(QUIET);
    gateway.nextConnection();
    gateway.next("aibot_subscribe");

    ManualReconnectTimer.Request retry = timer.next();

    assertBackoff(retry, MAX_BACKOFF);
    assertThat(gateway.connections).as("no connection before the backoff elapsed").isEmpty();
    retry.fire();
    gateway.nextConnection();
    assertThat(gateway.next("aibot_subscribe").getJsonObject("body").getString("bot_id")).isEqualTo("aib-test-bot");
  }

  @Test
  @DisplayName("a reply WeCom acknowledges with an error code fails with that code")
  void replyAckError() throws Exception {
    gateway.replyErrcode = 846608;
    connect(QUIET);
    gateway.next("aibot_subscribe");

    Throwable cause = failureOf(platform.replies().reply(socketMessage("req-late"), OutboundMessage.of("t", "x")));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(846608));
  }

  @Test
  @DisplayName("a reply WeCom never acknowledges fails after the ack timeout with code -1")
  void replyAckTimeout() throws Exception {
    gateway.answerReplies = false;
    connect(timing(NEVER, Duration.ofSeconds(1)));
    gateway.next("aibot_subscribe");

    Throwable cause = failureOf(platform.replies().reply(socketMessage("req-silent"), OutboundMessage.of("t", "x")));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(-1);
      assertThat(e.message()).contains("acknowledgement");
    });
    assertThat(gateway.next("aibot_respond_msg").getJsonObject("headers").getString("req_id")).isEqualTo("req-silent");
  }
}
