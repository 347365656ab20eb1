package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.ScheduleStore;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.MutableClock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The scheduler on a real Redis: instances that share it run each slot once, and a restart catches up once. */
@ExtendWith(RedisServerExtension.class)
@Timeout(30)
class SchedulerIT {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final CronExpression NINE = CronExpression.parse("0 9 * * *");
  private static final ZonedDateTime MONDAY_0800 = ZonedDateTime.of(2024, 5, 6, 8, 0, 0, 0, SHANGHAI);

  private final MutableClock clock = new MutableClock(MONDAY_0800.toInstant());
  private final List<ZonedDateTime> runs = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private Redis redis;

  @BeforeEach
  void start() {
    TestRedis.flush();
    vertx = Vertx.vertx();
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
  }

  private Scheduler<ZonedDateTime> instance(ScheduledJob<ZonedDateTime> job) {
    return new Scheduler<>(vertx, new ScheduleStore(redis, "test"), List.of(job), clock, Duration.ofHours(1));
  }

  private ScheduledJob<ZonedDateTime> recording() {
    return ScheduledJob.workingDays("nine", NINE, new TestWorkingDays(), at -> {
      runs.add(at);
      return Future.succeededFuture(at);
    });
  }

  @Test
  @DisplayName("two instances ticking at once on one Redis run the slot once, and neither runs it again")
  void twoInstancesRunOnce() {
    Scheduler<ZonedDateTime> a = instance(recording());
    Scheduler<ZonedDateTime> b = instance(recording());
    a.tick().await();
    b.tick().await();
    clock.advance(Duration.ofMinutes(61));

    Future.all(a.tick(), b.tick(), a.tick(), b.tick()).await();
    a.stop().await();
    b.tick().await();
    b.tick().await();

    assertThat(runs).containsExactly(MONDAY_0800.withHour(9));
  }

  @Test
  @DisplayName("a slot missed while no instance ran is caught up once by the instance that starts next")
  void catchUpOnceAfterRestart() {
    Scheduler<ZonedDateTime> before = instance(recording());
    assertThat(before.tick().await()).as("the first tick only remembers where it starts").isEmpty();
    before.stop().await();
    clock.advance(Duration.ofHours(3));

    Scheduler<ZonedDateTime> after = instance(recording());
    assertThat(after.tick().await()).containsExactly(MONDAY_0800.withHour(9));
    assertThat(after.tick().await()).isEmpty();
    after.stop().await();
    Scheduler<ZonedDateTime> again = instance(recording());
    assertThat(again.tick().await()).isEmpty();

    assertThat(runs).hasSize(1);
    assertThat(TestRedis.keys("zwgk:test:*")).contains("zwgk:test:last");
  }

  @Test
  @DisplayName("a run that fails is tried again at the next tick, then not again")
  void failedRunRetried() {
    AtomicInteger attempts = new AtomicInteger();
    Scheduler<ZonedDateTime> scheduler = instance(ScheduledJob.everyDay("flaky", NINE, at ->
        attempts.incrementAndGet() == 1 ? Future.failedFuture("platform down") : Future.succeededFuture(at)));
    scheduler.tick().await();
    clock.advance(Duration.ofMinutes(61));

    assertThat(scheduler.tick().transform(ar -> Future.succeededFuture(ar.failed())).await()).isTrue();
    assertThat(scheduler.tick().await()).containsExactly(MONDAY_0800.withHour(9));
    assertThat(scheduler.tick().await()).isEmpty();
    assertThat(attempts).hasValue(2);
  }

  @Test
  @DisplayName("stopping gives the lock up, so another instance runs the next slot at once")
  void stopHandsOver() {
    Scheduler<ZonedDateTime> a = instance(recording());
    Scheduler<ZonedDateTime> b = instance(recording());
    a.tick().await();
    clock.advance(Duration.ofMinutes(61));
    assertThat(b.tick().await()).as("a holds the lock").isEmpty();

    a.stop().await();

    assertThat(b.tick().await()).containsExactly(MONDAY_0800.withHour(9));
  }
}
