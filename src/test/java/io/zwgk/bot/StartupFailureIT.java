package io.zwgk.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.store.RedisLauncher;
import io.zwgk.bot.testing.ServiceProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service as a child process failing to start: one line, exit code 1, nothing left running. */
class StartupFailureIT {
  private static final Duration START = Duration.ofSeconds(90);

  @TempDir
  Path temp;
  private final List<ServiceProcess> children = new ArrayList<>();

  @AfterEach
  void killChildren() throws InterruptedException {
    for (ServiceProcess child : children) {
      child.close();
    }
  }

  private ServiceProcess serve(String name, Map<String, String> env) throws Exception {
    ServiceProcess child = ServiceProcess.start(name, env);
    children.add(child);
    return child;
  }

  /** The output's lines that mention {@code text}; and it carries no stack trace. */
  private static List<String> linesWith(ServiceProcess child, String text) {
    String output = child.output();
    assertThat(output).as("no stack trace:\n" + output).doesNotContain("\tat ").doesNotContain("Exception");
    return output.lines().filter(l -> l.contains(text)).toList();
  }

  private static int health(int port) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  @DisplayName("a second service on the same data directory exits 1 with one line naming the first one's PID and"
      + " the directory, and leaves the first one's Redis alone")
  void secondInstanceOnSameDataDir() throws Exception {
    Path data = temp.resolve("data");
    ServiceProcess first = serve("first", Map.of("ZWGK_DATA_DIR", data.toString()));
    int firstPort = first.awaitReady(START);
    Optional<String> firstRedis = RedisLauncher.runningFor(data);
    assertThat(firstRedis).isPresent();

    ServiceProcess second = serve("second", Map.of("ZWGK_DATA_DIR", data.toString()));
    Optional<Integer> code = second.awaitExit(START);

    assertThat(code).as(second.output()).contains(1);
    assertThat(linesWith(second, "PID " + first.pid())).singleElement().asString()
        .contains(data.toAbsolutePath().toString());
    assertThat(second.leftovers()).as("processes the second one left running").isEmpty();
    assertThat(RedisLauncher.runningFor(data)).as("the first one's Redis still serves").isEqualTo(firstRedis);
    assertThat(health(firstPort)).isEqualTo(200);

    assertThat(first.terminate(Duration.ofSeconds(30))).as("SIGTERM stops the first one").isPresent();
    assertThat(first.leftovers()).as("its redis-server stopped with it").isEmpty();
  }

  @Test
  @DisplayName("an HTTP port in use: exit 1 within 5 s with one line naming the port and ZWGK_HTTP_PORT; the"
      + " redis-server it started is stopped")
  void httpPortInUse() throws Exception {
    Path data = temp.resolve("data");
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      ServiceProcess child = serve("port-in-use", Map.of("ZWGK_DATA_DIR", data.toString(),
          "ZWGK_HTTP_PORT", String.valueOf(port)));
      Awaitility.await().atMost(START).pollInterval(Duration.ofMillis(20))
          .until(() -> child.redisPort().isPresent() || child.awaitExit(Duration.ZERO).isPresent());
      long redisStarted = System.nanoTime();
      Optional<Integer> code = child.awaitExit(START);
      Duration toExit = Duration.ofNanos(System.nanoTime() - redisStarted);

      assertThat(code).as(child.output()).contains(1);
      assertThat(linesWith(child, "ZWGK_HTTP_PORT")).singleElement().asString().contains(String.valueOf(port));
      assertThat(toExit).as("from its redis-server's start to its exit").isLessThan(Duration.ofSeconds(5));
      assertThat(child.leftovers()).as("processes it left running").isEmpty();
      assertThat(child.redisPort()).isPresent();
      assertThat(RedisLauncher.runningFor(data)).as("its redis-server stopped").isEmpty();
    }
  }
}
