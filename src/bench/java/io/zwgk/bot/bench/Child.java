package io.zwgk.bot.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in its own JVM: started with a given command and environment, its stderr (the service's log)
 * in a file, its stdout read line by line. Stopping it sends SIGTERM (the service's graceful shutdown), then kills
 * it and whatever it started (its redis-server) if it does not go within 20 s.
 */
final class Child implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Writer stdin;

  private Child(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::pump, "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static Child start(List<String> command, Map<String, String> env, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
      pb.environment().putAll(env);
      return new Child(pb.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code java} command line: this JVM's binary, the given options, class path and main class or {@code -jar}. */
  static List<String> java(List<String> jvmOptions, String... rest) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of(rest));
    return cmd;
  }

  /** A loopback port that was free a moment ago. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void pump() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      lines.add("EOF " + e.getMessage());
    }
  }

  long pid() {
    return process.pid();
  }

  /** CPU ms used so far by this JVM, and by the processes it started (its redis-server). */
  long[] cpuMillis() {
    long own = Measure.cpuMillis(process.pid());
    long children = process.descendants().mapToLong(p -> Math.max(Measure.cpuMillis(p.pid()), 0)).sum();
    return new long[] {own, children};
  }

  /** The next stdout line starting with {@code prefix}, skipping others. */
  String awaitLine(String prefix, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (line == null || !process.isAlive() && lines.isEmpty() && !line.startsWith(prefix)) {
          throw new IllegalStateException("no '" + prefix + "' from child " + pid() + " (log: " + log + ")");
        }
        if (line.startsWith(prefix)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls the log file until a line contains {@code text}; answers the nanoTime it was first seen. */
  long awaitLog(String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
          return System.nanoTime();
        }
        Thread.sleep(5); // bench harness thread, polling a file
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (!process.isAlive()) {
        break;
      }
    }
    throw new IllegalStateException("'" + text + "' not logged by child " + pid() + " (log: " + log + ")");
  }

  /** Asks a {@link ServerMain} for its memory figures, after a full GC when {@code gc}. */
  JsonObject stats(boolean gc) {
    try {
      stdin.write(gc ? "gc-stats\n" : "stats\n");
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new JsonObject(awaitLine("STATS ", Duration.ofSeconds(30)).substring("STATS ".length()));
  }

  /** SIGTERM, wait up to 20 s, then SIGKILL; its own children (redis-server) go the same way. */
  @Override
  public void close() {
    List<ProcessHandle> descendants = process.descendants().toList();
    long t0 = System.nanoTime();
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stoppedMillis = (System.nanoTime() - t0) / 1e6;
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private double stoppedMillis = Double.NaN;

  /** How long the last {@link #close()} took from SIGTERM to exit. */
  double stoppedMillis() {
    return stoppedMillis;
  }
}
