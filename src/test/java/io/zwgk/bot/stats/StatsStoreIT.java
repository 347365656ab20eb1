package io.zwgk.bot.stats;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisServerExtension;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith({RedisServerExtension.class, VertxExtension.class})
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatsStoreIT {
  private static final YearMonth APRIL = YearMonth.of(2024, 4);

  private Redis redis;

  @BeforeEach
  void connect(Vertx vertx) {
    redis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    redis.call(c -> c.flushdb()).await();
  }

  @AfterEach
  void close() {
    redis.close().await();
  }

  @Test
  @DisplayName("saved rows read back with the same figures, and the period becomes the latest")
  void saveAndRead(Vertx vertx) {
    StatsStore store = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    store.save(APRIL, List.of(new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 86, 19))).await();

    PeriodStats april = store.period(APRIL).await().orElseThrow();
    assertThat(april.rows()).containsExactly(new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 86, 19));
    assertThat(store.latestPeriod().await()).contains(APRIL);
    assertThat(store.importedUnits().await()).extracting(u -> u.name()).containsExactly("县水利局");
  }

  @Test
  @DisplayName("a second import of the same period replaces the named unit's row and keeps the others")
  void upsertKeepsOtherUnits(Vertx vertx) {
    StatsStore store = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    store.save(APRIL, List.of(new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 86, 19),
        new UnitStats("大阿镇政府", Category.TOWNSHIP, 560, 426, 84))).await();
    assertThat(store.period(APRIL).await()).isPresent();

    store.save(APRIL, List.of(new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 90, 23))).await();

    PeriodStats april = store.period(APRIL).await().orElseThrow();
    assertThat(april.find("县水利局")).map(UnitStats::total).contains(90);
    assertThat(april.find("大阿镇政府")).map(UnitStats::total).contains(426);
  }

  @Test
  @DisplayName("an import through one instance is seen at once by another instance's cache")
  void crossInstanceInvalidation(Vertx vertx) {
    StatsStore writer = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    Redis otherRedis = Redis.connect(vertx, RedisServerExtension.uri()).await();
    StatsStore reader = new StatsStore(vertx, otherRedis, true, Ticker.systemTicker());
    reader.listenForChanges().await();
    assertThat(reader.period(APRIL).await()).isEmpty();

    writer.save(APRIL, List.of(new UnitStats("县水利局", Category.COUNTY_DEPT, 450, 86, 19))).await();

    org.awaitility.Awaitility.await().atMost(5, TimeUnit.SECONDS)
        .until(() -> reader.period(APRIL).await().isPresent());
    otherRedis.close().await();
  }

  @Test
  @DisplayName("store results complete on the caller's Vert.x context, not on a Lettuce thread")
  void callbacksOnCallerContext(Vertx vertx, VertxTestContext test) {
    StatsStore store = new StatsStore(vertx, redis, false, Ticker.systemTicker());
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> store.period(APRIL)
        .compose(p -> store.latestPeriod())
        .onComplete(test.succeeding(latest -> test.verify(() -> {
          assertThat(Vertx.currentContext()).isSameAs(context);
          assertThat(latest).isEqualTo(Optional.empty());
          test.completeNow();
        }))));
  }

  @Test
  @DisplayName("while Redis is unreachable reads fail fast, and recover by themselves when it is back")
  void outageFailsFastAndRecovers(Vertx vertx) {
    StatsStore store = new StatsStore(vertx, redis, false, Ticker.systemTicker());
    RedisServerExtension.stop();
    try {
      org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS)
          .until(() -> store.period(APRIL).transform(ar -> Future.succeededFuture(ar.failed())).await());
    } finally {
      RedisServerExtension.restart();
    }
    org.awaitility.Awaitility.await().atMost(30, TimeUnit.SECONDS)
        .until(() -> store.period(APRIL).transform(ar -> Future.succeededFuture(ar.succeeded())).await());
  }
}
