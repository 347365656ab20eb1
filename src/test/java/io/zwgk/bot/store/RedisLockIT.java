package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisLockIT {
  private static final String KEY = Keys.scheduleLock("test");
  private static final Duration TTL = Duration.ofMinutes(1);

  private Vertx vertx;
  private Redis redis;
  private RedisLock lock;

  @BeforeEach
  void start() {
    TestRedis.flush();
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    lock = new RedisLock(redis, KEY);
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("the lock is taken by one token at a time and released only by the token holding it")
  void releaseOnlyByOwner() {
    assertThat(lock.acquire("instance-a", TTL).await()).isTrue();

    assertThat(lock.release("instance-b").await()).isFalse();
    assertThat(lock.acquire("instance-b", TTL).await()).as("still held by a").isFalse();
    assertThat(lock.acquire("instance-a", TTL).await()).as("a takes it again: it holds it").isTrue();
    assertThat(lock.release("instance-a").await()).isTrue();
    assertThat(lock.acquire("instance-b", TTL).await()).as("free after a released it").isTrue();
    assertThat(lock.release("instance-a").await()).as("a no longer holds it").isFalse();
  }

  @Test
  @DisplayName("only the holder extends the lock's TTL")
  void extendOnlyByOwner() {
    lock.acquire("instance-a", Duration.ofSeconds(10)).await();

    assertThat(lock.extend("instance-b", TTL).await()).isFalse();
    assertThat(TestRedis.pttl(KEY)).isLessThanOrEqualTo(10_000);
    assertThat(lock.extend("instance-a", TTL).await()).isTrue();
    assertThat(TestRedis.pttl(KEY)).isGreaterThan(10_000);
    lock.release("instance-a").await();
    assertThat(lock.extend("instance-a", TTL).await()).as("released: nothing to extend").isFalse();
  }
}
