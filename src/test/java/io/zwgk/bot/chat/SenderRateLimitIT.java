package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.Completion;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.TestChat;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Fault drill: one sender flooding commands, and two robots answering each other, are limited per sender. */
@ExtendWith(VertxRedisExtension.class)
class SenderRateLimitIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private final AtomicInteger ids = new AtomicInteger();
  private Vertx vertx;
  private Redis redis;

  /** A reply as the platform would have received it. */
  private record Sent(String to, String title) {
  }

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  private InboundMessage from(String sender, String text) {
    return new InboundMessage("dingtalk", "default", "cid-1", "工作群", sender, "", text, List.of(),
        "msg-" + ids.incrementAndGet(), new ReplyHandle("", null, null));
  }

  private ChatService chat(List<Sent> sent, SenderLimits limits) {
    ReplyChannel recording = (to, message) -> {
      sent.add(new Sent(to.senderId(), message.title()));
      return Future.succeededFuture();
    };
    return TestChat.chatService(vertx, redis, "dingtalk", recording, limits, clock);
  }

  private static long count(List<Sent> sent, String to, String title) {
    return sent.stream().filter(s -> s.to().equals(to) && s.title().equals(title)).count();
  }

  private static long answers(List<Sent> sent, String to) {
    return sent.stream().filter(s -> s.to().equals(to) && !s.title().equals(ChatService.TOO_FAST.title())).count();
  }

  @Test
  @DisplayName("15 quick commands from one user get 10 answers and one 'too fast' notice; another user is unaffected")
  void floodingUserLimited() {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    ChatService chat = chat(sent, SenderLimits.defaults());
    for (int i = 0; i < 15; i++) {
      Completion.of(chat.handle(from("flooder", "帮助")));
    }
    for (int i = 0; i < 3; i++) {
      Completion.of(chat.handle(from("neighbour", "帮助")));
    }

    assertThat(answers(sent, "flooder")).isEqualTo(10);
    assertThat(count(sent, "flooder", ChatService.TOO_FAST.title())).isEqualTo(1);
    assertThat(answers(sent, "neighbour")).isEqualTo(3);
    assertThat(count(sent, "neighbour", ChatService.TOO_FAST.title())).isZero();
  }

  @Test
  @DisplayName("a redelivered message is not answered again and does not draw on its sender's budget")
  void redeliveryDrawsNothing() {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    ChatService chat = chat(sent, SenderLimits.defaults());
    InboundMessage once = from("u1", "帮助");
    for (int i = 0; i < 15; i++) {
      Completion.of(chat.handle(once));
    }
    for (int i = 0; i < 9; i++) {
      Completion.of(chat.handle(from("u1", "帮助")));
    }

    assertThat(answers(sent, "u1")).isEqualTo(10);
    assertThat(count(sent, "u1", ChatService.TOO_FAST.title())).isZero();
  }

  @Test
  @DisplayName("a limited user is answered again once the minute has passed, without a second notice")
  void answeredAgainAfterTheWindow() {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    ChatService chat = chat(sent, SenderLimits.defaults());
    for (int i = 0; i < 12; i++) {
      Completion.of(chat.handle(from("u1", "帮助")));
    }
    clock.advance(Duration.ofSeconds(61));
    for (int i = 0; i < 12; i++) {
      Completion.of(chat.handle(from("u1", "帮助")));
    }

    assertThat(answers(sent, "u1")).isEqualTo(20);
    assertThat(count(sent, "u1", ChatService.TOO_FAST.title())).as("one notice per hour at most").isEqualTo(1);
  }

  @Test
  @DisplayName("the hourly budget holds even when the user keeps under the per-minute one")
  void hourlyBudget() {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    ChatService chat = chat(sent, SenderLimits.defaults());
    for (int minute = 0; minute < 8; minute++) {
      for (int i = 0; i < 10; i++) {
        Completion.of(chat.handle(from("u1", "帮助")));
      }
      clock.advance(Duration.ofSeconds(61));
    }

    assertThat(answers(sent, "u1")).isEqualTo(60);
    assertThat(count(sent, "u1", ChatService.TOO_FAST.title())).isEqualTo(1);
  }

  @Test
  @DisplayName("two robots answering each other stop after 10 answers and one notice each")
  void echoLoopStops() {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    ChatService[] robots = new ChatService[2];
    String[] names = {"robot-a", "robot-b"};
    for (int r = 0; r < 2; r++) {
      int self = r;
      ReplyChannel toOther = (to, message) -> {
        sent.add(new Sent(to.senderId(), message.title()));
        return robots[1 - self].handle(from(names[self], message.markdown()));
      };
      robots[r] = TestChat.chatService(vertx, redis, "dingtalk", toOther, SenderLimits.defaults(), clock);
    }

    Completion.of(robots[0].handle(from("robot-b", "帮助")));

    assertThat(answers(sent, "robot-b")).as("robot-a's answers to robot-b").isEqualTo(10);
    assertThat(answers(sent, "robot-a")).as("robot-b's answers to robot-a").isEqualTo(10);
    assertThat(count(sent, "robot-a", ChatService.TOO_FAST.title())).isEqualTo(1);
    assertThat(count(sent, "robot-b", ChatService.TOO_FAST.title())).isEqualTo(1);
    assertThat(sent).hasSize(22);
  }

  @Test
  @DisplayName("while Redis is down a sender's command is still answered (with the 'unavailable' reply)")
  void budgetFailsOpen() {
    List<Sent> sent = new CopyOnWriteArrayList<>();
    ChatService chat = chat(sent, SenderLimits.defaults());
    RedisServerExtension.stop();
    try {
      Completion.of(chat.handle(from("u1", "完成率 水利局")));
    } finally {
      RedisServerExtension.restart();
    }
    assertThat(sent).extracting(Sent::title).containsExactly("暂不可用");
  }
}
