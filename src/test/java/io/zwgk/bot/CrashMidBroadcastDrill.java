package io.zwgk.bot;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLauncher;
import io.zwgk.bot.testing.Completion;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault drill (slow, {@code -Pdrills}): the real service, a child JVM running {@code Main serve}, is killed with SIGKILL
 * in the middle of a 200-message broadcast to 20 DingTalk group robots and started again. Every message arrives; a
 * message is repeated only if it was in flight at the kill, at most one per robot, and the repeat carries the same
 * {@code msgUuid} (the outbox id), so DingTalk can drop it.
 */
class CrashMidBroadcastDrill {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SEND = "/robot/send";
  private static final int GROUPS = 20;
  private static final int PER_GROUP = 10;
  private static final int TOTAL = GROUPS * PER_GROUP;
  private static final String PREFIX = "广播";

  @TempDir
  Path temp;
  private RedisLauncher redis;
  private Vertx vertx;
  private Redis client;
  private final List<Process> children = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    dingtalk.stubFor(post(urlPathEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")
        .withFixedDelay(40)));
    redis = RedisLauncher.start(Optional.of(temp.resolve("redis")));
    vertx = Vertx.vertx();
    client = Redis.connect(vertx, redis.uri()).await();
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : children) {
      p.destroyForcibly();
      p.waitFor(20, TimeUnit.SECONDS);
    }
    client.close().await();
    vertx.close().await();
    redis.close();
  }

  private static String group(int g) {
    return String.format("单位群%02d", g);
  }

  private String hook(int g) {
    return dingtalk.baseUrl() + SEND + "?access_token=g" + g;
  }

  /** A config dir: a copy of the whole repository bot-config, its chat.yaml replaced by the 20 group robots. */
  private Path configDir() throws IOException {
    Path source = Path.of("bot-config");
    Path dir = temp.resolve("bot-config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.toList()) {
        Path to = dir.resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else if (!from.getFileName().toString().equals("chat.yaml")) {
          Files.copy(from, to);
        }
      }
    }
    StringBuilder yaml = new StringBuilder("groups:\n");
    for (int g = 1; g <= GROUPS; g++) {
      yaml.append("  - name: ").append(group(g)).append("\n    platform: dingtalk\n    webhookEnv: DRILL_HOOK_")
          .append(g).append("\n    broadcast: true\n");
    }
    Files.writeString(dir.resolve("chat.yaml"), yaml);
    return dir;
  }

  private Process serve(Path configDir, int run) throws IOException {
    String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String logging = "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath();
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", logging, "-cp",
        Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + testClasspath, "io.zwgk.bot.Main", "serve")
        .redirectErrorStream(true)
        .redirectOutput(Files.createDirectories(Path.of("target", "drills")).resolve("crash-mid-broadcast-" + run
            + ".log").toFile());
    Map<String, String> env = builder.environment();
    Map<String, String> keep = new HashMap<>();
    for (String name : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
      Optional.ofNullable(System.getenv(name)).ifPresent(v -> keep.put(name, v));
    }
    env.clear();
    env.putAll(keep);
    env.put("REDIS_URL", redis.uri());
    env.put("ZWGK_CONFIG_DIR", configDir.toString());
    env.put("ZWGK_DATA_DIR", temp.resolve("data").toString());
    env.put("ZWGK_HTTP_PORT", "0");
    env.put("ZWGK_HTTP_HOST", "127.0.0.1");
    env.put("ZWGK_DEMO", "false");
    for (int g = 1; g <= GROUPS; g++) {
      env.put("DRILL_HOOK_" + g, hook(g));
    }
    Process process = builder.start();
    children.add(process);
    return process;
  }

  /** Queues the broadcast from this process, through the same Outbox the service uses. */
  private void queueBroadcast() {
    List<GroupConfig> groups = new ArrayList<>();
    for (int g = 1; g <= GROUPS; g++) {
      groups.add(new GroupConfig(group(g), "dingtalk", "default", Optional.empty(), Optional.of(new Secret(hook(g))),
          Optional.empty(), false, true, List.of()));
    }
    Outbox outbox = new Outbox(new OutboxStore(client), new ChatConfig(List.of(), groups), p -> 14_000,
        Clock.systemUTC());
    for (int i = 1; i <= PER_GROUP; i++) {
      for (GroupConfig g : groups) {
        String title = PREFIX + " " + g.name() + " 第" + i + "条";
        assertThat(Completion.of(outbox.toGroup(g, OutboundMessage.of(title, "月报通知"), title))).isTrue();
      }
    }
  }

  private record Sent(String title, String msgUuid, String group) {
  }

  private static List<Sent> sent() {
    return dingtalk.findAll(postRequestedFor(urlPathEqualTo(SEND))).stream().map(r -> {
      JsonObject body = new JsonObject(r.getBodyAsString());
      return new Sent(body.getJsonObject("markdown").getString("title"), body.getString("msgUuid"),
          r.queryParameter("access_token").firstValue());
    }).filter(s -> s.title().startsWith(PREFIX)).toList();
  }

  /**
   * What WireMock received, once it has stopped growing: it journals a request when it answers it, after the 40 ms
   * delay, so a request the killed process had in flight may still be arriving right after the kill.
   */
  private static List<Sent> settled() {
    AtomicInteger last = new AtomicInteger(-1);
    Awaitility.await().pollInterval(Duration.ofMillis(250)).atMost(Duration.ofSeconds(10))
        .until(() -> {
          int now = sent().size();
          return now == last.getAndSet(now);
        });
    return sent();
  }

  private long outboxDepth() {
    return Completion.of(new OutboxStore(client).depth()).values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  @DisplayName("SIGKILL in the middle of a 200-message broadcast, then a restart: all 200 arrive; a repeat only of"
      + " a message in flight at the kill, at most one per robot, with the same msgUuid")
  void killedAndRestarted() throws Exception {
    Path config = configDir();
    queueBroadcast();
    long started = System.nanoTime();
    Process first = serve(config, 1);

    Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(5))
        .until(() -> sent().size() >= TOTAL / 4 || !first.isAlive());
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    List<Sent> beforeKill = settled();
    assertThat(beforeKill.size()).as("killed mid-broadcast").isBetween(1, TOTAL - 1);

    serve(config, 2);
    Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(200))
        .until(() -> sent().stream().map(Sent::title).distinct().count() == TOTAL && outboxDepth() == 0);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    List<Sent> all = sent();
    Map<String, List<Sent>> byTitle = all.stream().collect(Collectors.groupingBy(Sent::title));
    List<String> repeated = byTitle.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
        .sorted().toList();
    System.out.printf("crash drill: %d sent before the kill, %d requests in all, %d repeated (%s), %d s%n",
        beforeKill.size(), all.size(), repeated.size(), repeated, seconds);

    assertThat(byTitle).hasSize(TOTAL);
    Set<String> seenBeforeKill = beforeKill.stream().map(Sent::title).collect(Collectors.toSet());
    for (String title : repeated) {
      List<Sent> copies = byTitle.get(title);
      assertThat(copies).as(title + " sent at most twice").hasSize(2);
      assertThat(copies).extracting(Sent::msgUuid).as(title + " repeated with the same msgUuid").containsOnly(
          copies.get(0).msgUuid());
      assertThat(seenBeforeKill).as(title + " was in flight at the kill").contains(title);
    }
    assertThat(all.stream().filter(s -> repeated.contains(s.title())).collect(Collectors.groupingBy(Sent::group,
        Collectors.mapping(Sent::title, Collectors.toSet()))).values())
        .as("at most one repeated message per robot").allSatisfy(titles -> assertThat(titles).hasSizeLessThan(2));
    for (int g = 1; g <= GROUPS; g++) {
      String name = group(g);
      List<String> order = all.stream().map(Sent::title).filter(t -> t.contains(name + " ")).distinct().toList();
      List<String> expected = new ArrayList<>();
      for (int i = 1; i <= PER_GROUP; i++) {
        expected.add(PREFIX + " " + name + " 第" + i + "条");
      }
      assertThat(order).as("order within " + name).containsExactlyElementsOf(expected);
    }
  }
}
