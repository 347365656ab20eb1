package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.chat.InboundPipeline.Acknowledger;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbound pipeline on the suite's Redis, with a recording acknowledger, command handler and reply channel: the
 * order of claim, acknowledgement, command and reply, and what happens to redeliveries, refusals and failed replies.
 */
@ExtendWith(RedisServerExtension.class)
class InboundPipelineIT {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private Redis redis;
  private OutboxStore outboxStore;
  private ReplyChannel replies = (to, message) -> {
    events.add("reply " + message.title());
    return Future.succeededFuture();
  };

  @BeforeEach
  void start() {
    TestRedis.flush();
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    outboxStore = new OutboxStore(redis);
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
  }

  private InboundPipeline pipeline() {
    CommandHandler commands = request -> {
      events.add("command " + request.text());
      return Future.succeededFuture(new Reply("答复", "收到：" + request.text()));
    };
    Outbox outbox = new Outbox(outboxStore, new ChatConfig(List.of(), List.of()), p -> 4000, Clock.systemUTC());
    return new InboundPipeline(new ChatService(new DedupeStore(redis), commands, Map.of("dingtalk", replies),
        outbox));
  }

  private final Acknowledger recording = Acknowledger.of(first -> events.add(first ? "ack first" : "ack again"),
      e -> events.add("refused " + e.getMessage()));

  private static InboundMessage message(String id) {
    return new InboundMessage("dingtalk", "default", "cid-1", "工作群", "staff-1", "张三", "完成率", List.of(), id,
        new ReplyHandle("", null, null));
  }

  @Test
  @DisplayName("the delivery is acknowledged after the claim and before the command runs; the reply comes last")
  void acknowledgedBeforeProcessing() {
    pipeline().accept(message("msg-1"), recording).await();

    assertThat(events).containsExactly("ack first", "command 完成率", "reply 答复");
  }

  @Test
  @DisplayName("a message delivered twice is acknowledged both times and answered once")
  void duplicateAnsweredOnce() {
    InboundPipeline pipeline = pipeline();

    pipeline.accept(message("msg-1"), recording).await();
    pipeline.accept(message("msg-1"), recording).await();

    assertThat(events).containsExactly("ack first", "command 完成率", "reply 答复", "ack again");
  }

  @Test
  @DisplayName("a reply the platform fails is queued in the outbox for retry; the delivery was acknowledged once")
  void failedReplyQueued() {
    replies = (to, message) -> {
      events.add("reply failed");
      return Future.failedFuture(new RuntimeException("timeout"));
    };

    pipeline().accept(message("msg-1"), recording).await();

    assertThat(events).containsExactly("ack first", "command 完成率", "reply failed");
    assertThat(outboxStore.backlog(System.currentTimeMillis()).await().messages()).isEqualTo(1);
  }

  @Test
  @DisplayName("a delivery the decoder refuses is refused and not claimed: the same message decoded later is answered")
  void refusedNotClaimed() {
    InboundPipeline pipeline = pipeline();

    pipeline.receive(() -> {
      throw new MalformedMessageException("no msgId");
    }, recording).await();
    pipeline.receive(() -> Optional.of(message("msg-1")), recording).await();

    assertThat(events).containsExactly("refused no msgId", "ack first", "command 完成率", "reply 答复");
  }

  @Test
  @DisplayName("a delivery without a message (an event) is acknowledged and nothing is answered")
  void eventOnlyAcknowledged() {
    pipeline().receive(Optional::empty, recording).await();

    assertThat(events).containsExactly("ack again");
    assertThat(TestRedis.keys("zwgk:dedupe:*")).isEmpty();
  }
}
