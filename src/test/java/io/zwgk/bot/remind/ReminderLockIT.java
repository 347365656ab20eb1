package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLock;
import io.zwgk.bot.store.ReminderStore;
import io.zwgk.bot.store.ScheduleStore;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
class ReminderLockIT {
  private static final String LOCK = "zwgk:remind:lock";
  private static final Duration TTL = Duration.ofMinutes(1);

  private Vertx vertx;
  private Redis redis;
  private ScheduleStore store;
  private RedisLock lock;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
    store = new ScheduleStore(redis, ReminderVerticle.SCHEDULE);
    lock = store.lock();
  }

  @Test
  @DisplayName("undeploying the reminder verticle gives up the lock it took, so another instance need not wait")
  void stopReleasesOwnLock() {
    ReminderVerticle verticle = verticle();
    String id = vertx.deployVerticle(verticle).await();
    verticle.tick().await();
    assertThat(TestRedis.keys(LOCK)).hasSize(1);

    vertx.undeploy(id).await();

    assertThat(TestRedis.keys(LOCK)).isEmpty();
    assertThat(lock.acquire("another-instance", TTL).await()).isTrue();
  }

  @Test
  @DisplayName("undeploying the reminder verticle leaves a lock held by another instance alone")
  void stopLeavesOthersLock() {
    assertThat(lock.acquire("another-instance", TTL).await()).isTrue();
    ReminderVerticle verticle = verticle();
    String id = vertx.deployVerticle(verticle).await();
    verticle.tick().await();

    vertx.undeploy(id).await();

    assertThat(TestRedis.keys(LOCK)).hasSize(1);
    assertThat(lock.release("another-instance").await()).isTrue();
  }

  private ReminderVerticle verticle() {
    ChatConfig chat = new ChatConfig(List.of(), List.of());
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> 18000, Clock.systemUTC());
    ReminderService service = new ReminderService(new TrackedStore(redis), new ReminderStore(redis),
        new SentReminderStore(redis), ReminderRules.defaults(), WorkCalendar.load(Path.of("bot-config/holidays-cn.csv")),
        List.of(), chat, outbox);
    return new ReminderVerticle(service, store, Clock.systemUTC(), Duration.ofHours(1));
  }
}
