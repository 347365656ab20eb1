package io.zwgk.bot.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * The real service as a child JVM ({@code Main serve} on the test class path), its output in a log file under
 * {@code target/}. Every process it starts (the local redis-server) is recorded while it runs, so a test can check that
 * none outlives it. {@link #close()} kills whatever is left.
 */
public final class ServiceProcess implements AutoCloseable {
  private static final Pattern READY = Pattern.compile("zwgk-bot ready on :(\\d+)");
  private static final Pattern REDIS_PORT = Pattern.compile("local redis-server started on 127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final Path log;
  private final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();

  private ServiceProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread watcher = new Thread(this::recordDescendants, "descendants-of-" + process.pid());
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Starts {@code Main serve} with only PATH, HOME, LANG and TMPDIR of this environment, the repository's bot-config,
   * demo data off, loopback port 0, and {@code env} on top.
   */
  public static ServiceProcess start(String name, Map<String, String> env) throws IOException {
    String testClasspath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String logging = "-Dlogback.configurationFile=" + Path.of("target", "classes", "logback.xml").toAbsolutePath();
    Path log = Files.createDirectories(Path.of("target", "service-processes")).resolve(name + ".log");
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", logging, "-cp",
        Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + testClasspath, "io.zwgk.bot.Main", "serve")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> childEnv = builder.environment();
    Map<String, String> keep = new HashMap<>();
    for (String var : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
      Optional.ofNullable(System.getenv(var)).ifPresent(v -> keep.put(var, v));
    }
    childEnv.clear();
    childEnv.putAll(keep);
    childEnv.put("ZWGK_CONFIG_DIR", Path.of("bot-config").toAbsolutePath().toString());
    childEnv.put("ZWGK_HTTP_PORT", "0");
    childEnv.put("ZWGK_HTTP_HOST", "127.0.0.1");
    childEnv.put("ZWGK_DEMO", "false");
    childEnv.putAll(env);
    return new ServiceProcess(builder.start(), log);
  }

  private void recordDescendants() {
    while (process.isAlive()) {
      process.descendants().forEach(descendants::add);
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Everything the process wrote to stdout and stderr so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + log, e);
    }
  }

  /** Waits until the service logs that it is ready; its HTTP port. */
  public int awaitReady(Duration within) {
    Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100))
        .until(() -> READY.matcher(output()).find() || !process.isAlive());
    Matcher m = READY.matcher(output());
    if (!m.find()) {
      throw new AssertionError("service did not become ready:\n" + output());
    }
    return Integer.parseInt(m.group(1));
  }

  /** The port of the local redis-server it started, if it logged one. */
  public Optional<Integer> redisPort() {
    Matcher m = REDIS_PORT.matcher(output());
    return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** Waits for the process to exit; its exit code, or empty when it still runs after {@code within}. */
  public Optional<Integer> awaitExit(Duration within) throws InterruptedException {
    return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? Optional.of(process.exitValue())
        : Optional.empty();
  }

  /** Stops it as {@code docker stop} does (SIGTERM); its exit code, or empty when it outlives {@code within}. */
  public Optional<Integer> terminate(Duration within) throws InterruptedException {
    process.destroy();
    return awaitExit(within);
  }

  /** The processes it started that are still alive (it must leave none once it has exited). */
  public List<ProcessHandle> leftovers() {
    return descendants.stream().filter(ProcessHandle::isAlive).toList();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(20, TimeUnit.SECONDS);
    descendants.forEach(ProcessHandle::destroyForcibly);
  }
}
