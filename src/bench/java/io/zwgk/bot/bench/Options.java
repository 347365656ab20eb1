package io.zwgk.bot.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A scenario's settings from the command line: {@code --run N}, {@code --out FILE}, {@code --quick} (shorter phases
 * and no real-time DingTalk pacing; for trying the harness, not for reported figures).
 */
record Options(int run, Path out, boolean quick) {
  static Options parse(String[] args) {
    int run = 1;
    Path out = Path.of("target/bench-results.jsonl");
    boolean quick = false;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--run" -> run = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        case "--quick" -> quick = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return new Options(run, out, quick);
  }

  /** Requests a server answers before it is measured: enough for the JIT to settle on the command path. */
  long warmupRequests() {
    return quick ? 5_000 : 60_000;
  }

  /** The longest a server is warmed up, whatever it answered. */
  Duration warmupMax() {
    return Duration.ofSeconds(quick ? 10 : 120);
  }

  Duration saturation() {
    return Duration.ofSeconds(quick ? 4 : 10);
  }

  Duration fixedRate() {
    return Duration.ofSeconds(quick ? 5 : 20);
  }

  /** JVM options of every server under test: those of the Dockerfile's ENTRYPOINT. */
  List<String> serverJvm() {
    return List.of("-XX:MaxRAMPercentage=75", "-Dfile.encoding=UTF-8");
  }

  /** Where children's logs go (kept out of the results, they are large). */
  Path logDir() {
    return Path.of("target", "bench-logs");
  }
}
