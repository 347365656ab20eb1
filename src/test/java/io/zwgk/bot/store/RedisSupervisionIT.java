package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.zwgk.bot.http.HealthRoutes;
import io.zwgk.bot.http.HttpVerticle;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.testing.Processes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisSupervisionIT {
  @TempDir
  Path dataDir;
  private RedisLauncher launcher;
  private Vertx vertx;
  private Metrics metrics;
  private Redis redis;
  private int httpPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() {
    launcher = RedisLauncher.start(Optional.of(dataDir));
    vertx = Vertx.vertx();
    metrics = Metrics.prometheus();
    vertx.deployVerticle(new RedisSupervisorVerticle(launcher, metrics)).await();
    redis = Redis.connect(vertx, launcher.uri(), metrics).await();
    httpPort = HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      HealthRoutes.mount(router, redis);
      return router;
    }, "127.0.0.1", 0, 1).await().port();
  }

  @AfterEach
  void stop() {
    redis.close().await();
    vertx.close().await();
    launcher.close();
    metrics.close();
  }

  private int health() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  @Test
  @DisplayName("a SIGKILLed local redis-server is restarted on its port and AOF: commands and /health recover by"
      + " themselves, and the restart is counted")
  void killedServerIsRestarted() {
    redis.call(c -> c.set("zwgk:test:survives", "yes")).await();
    assertThat(health()).isEqualTo(200);

    Processes.killRedisOn(launcher.port());

    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> redis.ping().transform(ar -> Future.succeededFuture(ar.succeeded())).await());
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> health() == 200);
    assertThat(redis.call(c -> c.get("zwgk:test:survives")).await()).as("the AOF was read back").isEqualTo("yes");
    assertThat(metrics.scrape()).contains("zwgk_redis_restarts_total 1.0");
    assertThat(launcher.process().isAlive()).isTrue();
  }

  @Test
  @DisplayName("closing the launcher stops its server for good: the supervisor does not bring it back")
  void closedServerStaysStopped() {
    Process server = launcher.process();
    launcher.close();
    server.onExit().join();

    Awaitility.await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
        .until(() -> launcher.process() == server && RedisLauncher.runningFor(dataDir).isEmpty());
    assertThat(metrics.scrape()).contains("zwgk_redis_restarts_total 0.0");
  }
}
