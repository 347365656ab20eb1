package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.zwgk.bot.store.OutboxStore.Claimed;
import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({RedisServerExtension.class, VertxExtension.class})
class OutboxStoreIT {
  private Redis redis;
  private OutboxStore outbox;
  private RateLimitStore rates;

  @BeforeEach
  void connect(Vertx vertx) {
    TestRedis.flush();
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    outbox = new OutboxStore(redis);
    rates = new RateLimitStore(redis);
  }

  @AfterEach
  void close() {
    redis.close().await();
  }

  private static Map<String, String> parts(String... idsAndPayloads) {
    Map<String, String> parts = new LinkedHashMap<>();
    for (int i = 0; i < idsAndPayloads.length; i += 2) {
      parts.put(idsAndPayloads[i], idsAndPayloads[i + 1]);
    }
    return parts;
  }

  @Test
  @DisplayName("the same idempotency key queues once; parts come out in order, one lane head at a time")
  void idempotentAndOrdered() {
    assertThat(outbox.enqueue("k1", "lane-a", parts("m1", "p1", "m2", "p2"), 1000).await()).isTrue();
    assertThat(outbox.enqueue("k1", "lane-a", parts("m9", "p9"), 1000).await()).isFalse();

    List<Claimed> first = outbox.claim(1000, 31_000, 10).await();
    assertThat(first).containsExactly(new Claimed("lane-a", "m1", "p1", 0));
    assertThat(outbox.claim(2000, 32_000, 10).await()).as("leased lane not claimed again").isEmpty();

    outbox.delivered(first.get(0), 2000).await();
    assertThat(outbox.claim(2000, 32_000, 10).await()).containsExactly(new Claimed("lane-a", "m2", "p2", 0));
  }

  @Test
  @DisplayName("a lane whose instance died is taken over when the lease runs out")
  void leaseExpiry() {
    outbox.enqueue("k1", "lane-a", parts("m1", "p1"), 0).await();
    assertThat(outbox.claim(0, 30_000, 10).await()).hasSize(1);
    assertThat(outbox.claim(29_999, 59_999, 10).await()).isEmpty();
    assertThat(outbox.claim(30_000, 60_000, 10).await()).extracting(Claimed::id).containsExactly("m1");
  }

  @Test
  @DisplayName("failed attempts are counted and retried later; a dead letter leaves the lane and is listed")
  void retryAndDead() {
    outbox.enqueue("k1", "lane-a", parts("m1", "p1", "m2", "p2"), 0).await();
    Claimed c = outbox.claim(0, 30_000, 10).await().get(0);
    outbox.reschedule(c, 5_000, true, "HTTP 500").await();
    assertThat(outbox.claim(4_999, 30_000, 10).await()).isEmpty();
    Claimed again = outbox.claim(5_000, 35_000, 10).await().get(0);
    assertThat(again.attempts()).isEqualTo(1);

    outbox.dead(again, 6_000, "gave up").await();

    assertThat(outbox.deadLetters(10).await()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("m1");
      assertThat(d.attempts()).isEqualTo(2);
      assertThat(d.lastError()).isEqualTo("gave up");
    });
    assertThat(outbox.claim(6_000, 36_000, 10).await()).extracting(Claimed::id).containsExactly("m2");
    assertThat(outbox.counters().await()).containsEntry("dead", "1").containsEntry("retries", "1");
  }

  @Test
  @DisplayName("a rate window admits its maximum, then answers the exact wait until the oldest send leaves it")
  void slidingWindow() {
    List<Limit> perMinute = List.of(new Limit(Duration.ofMinutes(1), 3));
    assertThat(rates.reserve("r", "send-1", perMinute, 0).await()).isZero();
    assertThat(rates.reserve("r", "send-2", perMinute, 10_000).await()).isZero();
    assertThat(rates.reserve("r", "send-3", perMinute, 20_000).await()).isZero();
    assertThat(rates.reserve("r", "send-4", perMinute, 30_000).await()).isEqualTo(30_000);
    assertThat(rates.reserve("r", "send-5", perMinute, 59_999).await()).isEqualTo(1);
    assertThat(rates.reserve("r", "send-6", perMinute, 60_000).await()).isZero();
    assertThat(rates.reserve("r", "send-7", perMinute, 60_001).await()).isEqualTo(9_999);
  }

  @Test
  @DisplayName("with two windows (Feishu: 5/s and 100/min) both must have room")
  void twoWindows() {
    List<Limit> feishu = List.of(new Limit(Duration.ofSeconds(1), 5), new Limit(Duration.ofMinutes(1), 100));
    for (int i = 0; i < 5; i++) {
      assertThat(rates.reserve("f", "send-f" + i, feishu, 100 + i).await()).isZero();
    }
    assertThat(rates.reserve("f", "send-9", feishu, 500).await()).isEqualTo(600);
    assertThat(rates.reserve("f", "send-10", feishu, 1_100).await()).isZero();
  }

  @Test
  @DisplayName("a send moved to its answer time keeps the next send a full window behind the answer")
  void settledSendCountsFromItsAnswer() {
    List<Limit> oneASecond = List.of(new Limit(Duration.ofSeconds(1), 1));
    assertThat(rates.reserve("s", "m1#0", oneASecond, 1_000).await()).isZero();
    rates.settle("s", "m1#0", oneASecond, 1_300).await();

    assertThat(rates.reserve("s", "m2#0", oneASecond, 2_000).await()).as("1 s after the answer, not the reservation")
        .isEqualTo(300);
    assertThat(rates.reserve("s", "m2#0", oneASecond, 2_300).await()).isZero();
  }

  @Test
  @DisplayName("settling a send that is not recorded (refused, or gone from the window) records nothing")
  void settlingAnUnknownSendRecordsNothing() {
    List<Limit> oneASecond = List.of(new Limit(Duration.ofSeconds(1), 1));
    rates.settle("u", "never-reserved", oneASecond, 5_000).await();

    assertThat(rates.reserve("u", "m1#0", oneASecond, 5_000).await()).isZero();
    assertThat(TestRedis.zrangeWithScores(Keys.rate("u"))).containsExactly("m1#0=5000");
  }
}
