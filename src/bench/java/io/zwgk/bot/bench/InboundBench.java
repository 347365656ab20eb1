package io.zwgk.bot.bench;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenarios 1, 2 and 5 (memory): signed DingTalk callbacks over loopback against five servers, each a JVM of its own
 * and all running at once: {@code bare} (the ceiling), {@code floor} (only the I/O every implementation of the path
 * needs), {@code app} (the real service), {@code stack} and
 * {@code stack-nocache} (the same inbound path with the statistics cache on and off). Each is warmed up until the
 * JIT has settled; then the load visits the servers in turn, in {@value #ROUNDS} rounds of short slices, so a burst
 * of noise from the shared machine falls on all of them alike: first a closed loop at saturation, then an open loop
 * at {@value #RATE} requests/s. After each slice the sink is given time to receive every reply still in flight, and
 * the CPU the server (and its redis-server) used for the slice and its replies is read from {@code /proc}.
 */
final class InboundBench {
  static final int RATE = 1_000;
  static final int CONNECTIONS = 16;
  static final int ROUNDS = 5;
  static final List<String> SERVERS = List.of("bare", "floor", "app", "stack", "stack-nocache");

  private final Options options;
  private final Results results;
  private final AtomicLong sequence = new AtomicLong();
  private long expectedReplies;

  InboundBench(Options options, Results results) {
    this.options = options;
    this.results = results;
  }

  void run() throws IOException {
    Vertx vertx = Vertx.vertx();
    ReplySink sink = ReplySink.start(vertx, 4_000_000, SinkLimits.none()).await();
    Callbacks callbacks = new Callbacks(sink.replyUrl(), "r" + options.run() + "-" + System.currentTimeMillis());
    InboundFigures figures = new InboundFigures(results, sink);
    Map<String, InboundServer> servers = new LinkedHashMap<>();
    try {
      for (String name : SERVERS) {
        servers.put(name, start(name, vertx, callbacks, figures));
      }
      for (InboundServer s : servers.values()) {
        warmUp(s, sink);
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (InboundServer s : rotated(servers, round)) {
          saturationSlice(s, sink);
        }
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (InboundServer s : rotated(servers, round)) {
          fixedRateSlice(s, sink, round == ROUNDS / 2);
        }
      }
      for (InboundServer s : servers.values()) {
        figures.server(s);
        figures.memory(s.name + ".after_load", s.child.stats(true));
      }
      figures.ratios(servers);
    } finally {
      servers.values().forEach(s -> s.child.close());
      sink.close().await();
      vertx.close().await();
    }
  }

  private InboundServer start(String name, Vertx vertx, Callbacks callbacks, InboundFigures figures)
      throws IOException {
    Path data = Files.createTempDirectory("zwgk-bench-" + name);
    int port = Child.freePort();
    Path log = options.logDir().resolve("inbound-" + name + "-run" + options.run() + ".log");
    Map<String, String> env = Map.of("ZWGK_HTTP_PORT", String.valueOf(port), "ZWGK_HTTP_HOST", "127.0.0.1",
        "ZWGK_CONFIG_DIR", "bot-config", "ZWGK_DATA_DIR", data.toString(), "ZWGK_DEMO", "true",
        "DINGTALK_APP_SECRET", Callbacks.SECRET,
        // the sink's origin: the one a sessionWebhook may have besides DingTalk's own
        "DINGTALK_API_BASE", java.net.URI.create(callbacks.sinkUrl()).resolve("/").toString().replaceAll("/$", ""));
    Child child = Child.start(Child.java(options.serverJvm(), "-cp", System.getProperty("java.class.path"),
        ServerMain.class.getName(), name), env, log);
    String ready = child.awaitLine("READY", Duration.ofSeconds(120));
    results.put("inbound." + name + ".start_ms", field(ready, "startMs"), "ms");
    figures.memory(name + ".idle", child.stats(true));
    return new InboundServer(name, child, new LoadGenerator(vertx, port, callbacks, sequence, CONNECTIONS));
  }

  /** Closed-loop slices of 5 s until the server has answered enough requests for the JIT to settle, or time is up. */
  private void warmUp(InboundServer s, ReplySink sink) {
    long served = 0;
    long deadline = System.nanoTime() + options.warmupMax().toNanos();
    while (served < options.warmupRequests() && System.nanoTime() < deadline) {
      long n = s.load.closedLoop(CONNECTIONS, Duration.ofSeconds(5)).await().completed();
      expect(s, n);
      served += n;
      awaitReplies(sink);
    }
    results.put("inbound." + s.name + ".warmup_requests", served, "count");
  }

  private void saturationSlice(InboundServer s, ReplySink sink) {
    long[] cpu0 = s.child.cpuMillis();
    LoadGenerator.ClosedResult r = s.load.closedLoop(CONNECTIONS, options.saturation().dividedBy(ROUNDS)).await();
    s.saturation.add(r);
    expect(s, r.completed());
    awaitReplies(sink);
    InboundServer.add(s.saturationCpu, cpu0, s.child.cpuMillis());
  }

  private void fixedRateSlice(InboundServer s, ReplySink sink, boolean sampleMemory) {
    Duration slice = options.fixedRate().dividedBy(ROUNDS);
    long[] cpu0 = s.child.cpuMillis();
    long t0 = System.nanoTime();
    var running = s.load.openLoop(RATE, slice);
    if (sampleMemory) {
      sleep(slice.toMillis() / 2);
      s.underLoad = s.child.stats(false);
    }
    LoadGenerator.OpenResult r = running.await();
    s.fixed.add(r);
    expect(s, r.sortedLatencies().length);
    awaitReplies(sink);
    InboundServer.add(s.fixedCpu, cpu0, s.child.cpuMillis());
    s.fixedWallSeconds += (System.nanoTime() - t0) / 1e9;
  }

  private static List<InboundServer> rotated(Map<String, InboundServer> servers, int round) {
    List<InboundServer> list = new ArrayList<>(servers.values());
    Collections.rotate(list, -round);
    return list;
  }

  private void expect(InboundServer s, long accepted) {
    if (s.replies()) {
      expectedReplies += accepted;
    }
  }

  /** Waits (up to 60 s) until the sink has as many replies as callbacks were accepted by answering servers. */
  private void awaitReplies(ReplySink sink) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (sink.replies() < expectedReplies && System.nanoTime() < deadline) {
      sleep(20);
    }
  }

  static double field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return Double.parseDouble(part.substring(name.length() + 1));
      }
    }
    return Double.NaN;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis); // bench harness thread, pacing a measurement
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
