package io.zwgk.bot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.TestChat;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A direct reply that fails for a reason a retry can cure is kept in the outbox, whatever its reply handle. */
@ExtendWith(VertxRedisExtension.class)
class ReplyRetryIT {
  private Vertx vertx;
  private Redis redis;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
  }

  @ParameterizedTest(name = "reply handle expiring in {0} ms (-1: never)")
  @ValueSource(longs = {-1, 5_400_000})
  @DisplayName("a reply whose direct delivery timed out waits in the outbox, with or without an expiry")
  void failedReplyIsQueued(long expiresInMs) {
    ReplyChannel timingOut = (to, message) -> Future.failedFuture(new IllegalStateException("timeout"));
    ChatService chat = TestChat.chatService(vertx, redis, "feishu", timingOut);
    Instant expires = expiresInMs < 0 ? null : Instant.now().plusMillis(expiresInMs);
    InboundMessage message = new InboundMessage("feishu", "default", "oc_1", "工作群", "ou_1", "张三", "帮助",
        List.of(), "om_1", new ReplyHandle("", expires, Map.of()));

    chat.handle(message).await();

    assertThat(new OutboxStore(redis).backlog(System.currentTimeMillis()).await().messages()).isEqualTo(1);
  }

  @Test
  @DisplayName("a long reply is queued as the one message it was (a WeCom response_url takes one); a group message "
      + "of the same size is split")
  void repliesAreNotSplit() {
    Outbox outbox = new Outbox(new OutboxStore(redis), new ChatConfig(List.of(), List.of()), p -> 200,
        Clock.systemUTC());
    String text = String.join("\n", Collections.nCopies(40, "县第一单位：本月发布 12 条，完成率 45.00%"));
    InboundMessage to = new InboundMessage("wecom", "default", "chat-1", "", "u1", "", "排名", List.of(), "msg-9",
        new ReplyHandle("https://qyapi.example/response/x", null, Map.of()));
    GroupConfig group = new GroupConfig("县直单位工作群", "wecom", "default", Optional.empty(),
        Optional.of(new Secret("https://qyapi.example/webhook/send?key=k")), Optional.empty(), false, true, List.of());

    outbox.reply(to, OutboundMessage.of("排名", text)).await();
    long afterReply = new OutboxStore(redis).backlog(System.currentTimeMillis()).await().messages();
    outbox.toGroup(group, OutboundMessage.of("排名", text), "group-1").await();
    long afterGroup = new OutboxStore(redis).backlog(System.currentTimeMillis()).await().messages();

    assertThat(afterReply).isEqualTo(1);
    assertThat(afterGroup - afterReply).isGreaterThan(1);
  }
}
