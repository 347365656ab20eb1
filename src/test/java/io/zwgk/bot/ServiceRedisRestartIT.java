package io.zwgk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.testing.Processes;
import io.zwgk.bot.testing.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real service as a child process, its local redis-server killed under it. */
class ServiceRedisRestartIT {
  @TempDir
  Path temp;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HttpResponse<String> get(int port, String path) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @DisplayName("SIGKILL of the service's redis-server: it is restarted, /health is UP again and the restart counted")
  void serviceRestartsItsRedis() throws Exception {
    try (ServiceProcess service = ServiceProcess.start("redis-restart",
        Map.of("ZWGK_DATA_DIR", temp.resolve("data").toString()))) {
      int port = service.awaitReady(Duration.ofSeconds(90));
      int redisPort = service.redisPort().orElseThrow();
      assertThat(get(port, "/health").statusCode()).isEqualTo(200);

      Processes.killRedisOn(redisPort);

      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .until(() -> get(port, "/health").statusCode() == 200 && get(port, "/metrics").body()
              .contains("zwgk_redis_restarts_total 1.0"));
      assertThat(service.output()).contains("restarted on port " + redisPort);
    }
  }
}
