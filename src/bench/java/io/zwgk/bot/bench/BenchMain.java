package io.zwgk.bot.bench;

import java.nio.file.Path;

/**
 * Runs one benchmark scenario in this JVM and appends its figures to the results file: {@code startup},
 * {@code inbound}, {@code outbox}, {@code scale}; or {@code report FILE} prints the medians of a results file as
 * Markdown; {@code load PORT WARM_S SECONDS [PID]} drives a closed loop of signed callbacks at a server already
 * running on {@code PORT}, to profile one by hand ({@code bench/profile.sh}). {@code bench/run.sh} runs every scenario several times, each in a fresh JVM,
 * then the report.
 */
public final class BenchMain {
  private BenchMain() {
  }

  /**
   * Warms a server already running on {@code port} for {@code warm} seconds, then measures {@code seconds} of closed
   * loop with the same sink; with the server's {@code pid}, also its CPU (and its children's) per 1,000 requests.
   */
  private static void adHocLoad(int port, int warm, int seconds, long pid) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    ReplySink sink = ReplySink.start(vertx, 8_000_000, SinkLimits.none()).await();
    LoadGenerator load = new LoadGenerator(vertx, port, new Callbacks(sink.replyUrl(), "adhoc" + System.nanoTime()),
        new java.util.concurrent.atomic.AtomicLong(), InboundBench.CONNECTIONS);
    load.closedLoop(InboundBench.CONNECTIONS, java.time.Duration.ofSeconds(warm)).await();
    long[] cpu0 = cpu(pid);
    long replies0 = sink.replies();
    var r = load.closedLoop(InboundBench.CONNECTIONS, java.time.Duration.ofSeconds(seconds)).await();
    long[] cpu1 = cpu(pid);
    System.out.printf("%d requests, %d errors, %.0f req/s, %d replies during the measurement%n", r.completed(),
        r.errors(), r.completed() / r.seconds(), sink.replies() - replies0);
    if (pid > 0) {
      System.out.printf("server CPU per 1,000 requests: %.1f ms, its children (redis-server): %.1f ms%n",
          (cpu1[0] - cpu0[0]) * 1000.0 / r.completed(), (cpu1[1] - cpu0[1]) * 1000.0 / r.completed());
    }
    System.exit(0);
  }

  private static long[] cpu(long pid) {
    if (pid <= 0) {
      return new long[] {0, 0};
    }
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
    return new long[] {Measure.cpuMillis(pid),
        process.descendants().mapToLong(p -> Math.max(Measure.cpuMillis(p.pid()), 0)).sum()};
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: BenchMain startup|inbound|outbox|scale [--run N] [--out FILE] [--quick]"
          + " | report FILE | load PORT WARM_S SECONDS [PID]");
      System.exit(2);
    }
    if (args[0].equals("load")) {
      adHocLoad(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          args.length > 4 ? Long.parseLong(args[4]) : 0);
      return;
    }
    if (args[0].equals("free-port")) {
      System.out.println(Child.freePort());
      return;
    }
    if (args[0].equals("report")) {
      System.out.print(Report.render(Path.of(args[1])));
      return;
    }
    Options options = Options.parse(args);
    Results results = new Results(options.out(), args[0], options.run());
    System.out.println("== " + args[0] + " (run " + options.run() + ")");
    switch (args[0]) {
      case "startup" -> new StartupBench(options, results).run();
      case "inbound" -> new InboundBench(options, results).run();
      case "outbox" -> new OutboxBench(options, results).run();
      case "scale" -> new ScaleBench(options, results).run();
      default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
    }
    System.exit(0);
  }
}
