package io.zwgk.bot.bench;

import java.nio.file.Path;

/**
 * Runs one benchmark scenario in this JVM and appends its figures to the results file: {@code startup},
 * {@code inbound}, {@code outbox}, {@code scale}; or {@code report FILE} prints the medians of a results file as
 * Markdown; {@code load PORT SECONDS} drives a closed loop of signed callbacks at a server already running on
 * {@code PORT} (to profile one by hand). {@code bench/run.sh} runs every scenario several times, each in a fresh JVM,
 * then the report.
 */
public final class BenchMain {
  private BenchMain() {
  }

  private static void adHocLoad(int port, int seconds) {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    ReplySink sink = ReplySink.start(vertx, 8_000_000, SinkLimits.none()).await();
    LoadGenerator load = new LoadGenerator(vertx, port, new Callbacks(sink.replyUrl(), "adhoc" + System.nanoTime()),
        new java.util.concurrent.atomic.AtomicLong(), InboundBench.CONNECTIONS);
    var r = load.closedLoop(InboundBench.CONNECTIONS, java.time.Duration.ofSeconds(seconds)).await();
    System.out.printf("%d requests, %d errors, %.0f req/s, %d replies%n", r.completed(), r.errors(),
        r.completed() / r.seconds(), sink.replies());
    System.exit(0);
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: BenchMain startup|inbound|outbox|scale [--run N] [--out FILE] [--quick]"
          + " | report FILE | load PORT SECONDS");
      System.exit(2);
    }
    if (args[0].equals("load")) {
      adHocLoad(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
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
