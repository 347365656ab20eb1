package io.zwgk.bot.bench;

import io.zwgk.bot.store.RedisLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scenario 5 (start-up): the packaged service, {@code java -jar target/zwgk-bot.jar serve} with no {@code REDIS_URL}
 * (so it starts and supervises its own redis-server) and the demo data on, timed from process start to its
 * {@code zwgk-bot ready} log line, with its RSS and its redis-server's RSS right after; then its graceful stop on
 * SIGTERM. The baseline is a JVM serving the bare Vert.x route, timed to its READY line. Also the redis-server alone.
 */
final class StartupBench {
  private final Options options;
  private final Results results;

  StartupBench(Options options, Results results) {
    this.options = options;
    this.results = results;
  }

  void run() throws Exception {
    double bare = bare();
    double jar = jar();
    results.put("startup.ratio.jar_vs_bare", jar / bare, "x");
    long t0 = System.nanoTime();
    RedisLauncher redis = RedisLauncher.start(Optional.of(Files.createTempDirectory("zwgk-bench-redis")));
    results.put("startup.redis_server_only_ms", (System.nanoTime() - t0) / 1e6, "ms");
    redis.close();
  }

  private double bare() {
    Path log = options.logDir().resolve("startup-bare-run" + options.run() + ".log");
    long t0 = System.nanoTime();
    try (Child child = Child.start(Child.java(options.serverJvm(), "-cp", System.getProperty("java.class.path"),
        ServerMain.class.getName(), "bare"), Map.of("ZWGK_HTTP_PORT", "0"), log)) {
      child.awaitLine("READY", Duration.ofSeconds(60));
      double ms = (System.nanoTime() - t0) / 1e6;
      results.put("startup.bare.ready_ms", ms, "ms");
      results.put("startup.bare.rss_mib", Measure.rssKb(child.pid()) / 1024.0, "MiB");
      return ms;
    }
  }

  private double jar() throws Exception {
    Path data = Files.createTempDirectory("zwgk-bench-jar");
    Path log = options.logDir().resolve("startup-jar-run" + options.run() + ".log");
    Map<String, String> env = Map.of("ZWGK_HTTP_PORT", String.valueOf(Child.freePort()),
        "ZWGK_HTTP_HOST", "127.0.0.1", "ZWGK_CONFIG_DIR", "bot-config", "ZWGK_DATA_DIR", data.toString(),
        "ZWGK_DEMO", "true", "DINGTALK_APP_SECRET", Callbacks.SECRET);
    String jar = System.getProperty("bench.jar", "target/zwgk-bot.jar");
    long t0 = System.nanoTime();
    Child child = Child.start(Child.java(options.serverJvm(), "-jar", jar, "serve"), env, log);
    try (child) {
      double ms = (child.awaitLog("zwgk-bot ready", Duration.ofSeconds(120)) - t0) / 1e6;
      results.put("startup.jar.ready_ms", ms, "ms");
      results.put("startup.jar.rss_mib", Measure.rssKb(child.pid()) / 1024.0, "MiB");
      List<ProcessHandle> redis = ProcessHandle.of(child.pid()).orElseThrow().descendants().toList();
      results.put("startup.jar.redis_rss_mib",
          redis.stream().mapToLong(p -> Measure.rssKb(p.pid())).sum() / 1024.0, "MiB");
      return ms;
    } finally {
      results.put("startup.jar.graceful_stop_ms", child.stoppedMillis(), "ms");
    }
  }
}
