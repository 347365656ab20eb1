package io.zwgk.bot.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** One server under test in the inbound scenario: its process, its load generator, and what the load found. */
final class InboundServer {
  final String name;
  final Child child;
  final LoadGenerator load;
  final List<LoadGenerator.ClosedResult> saturation = new ArrayList<>();
  final List<LoadGenerator.OpenResult> fixed = new ArrayList<>();
  /** CPU ms of the JVM and of its redis-server during the saturation slices (and the replies they left). */
  final long[] saturationCpu = new long[2];
  /** The same during the fixed-rate slices. */
  final long[] fixedCpu = new long[2];
  double fixedWallSeconds;
  JsonObject underLoad;

  InboundServer(String name, Child child, LoadGenerator load) {
    this.name = name;
    this.child = child;
    this.load = load;
  }

  /** Whether this server answers commands (all but the bare route). */
  boolean replies() {
    return !name.equals("bare");
  }

  long saturationCompleted() {
    return saturation.stream().mapToLong(LoadGenerator.ClosedResult::completed).sum();
  }

  double saturationSeconds() {
    return saturation.stream().mapToDouble(LoadGenerator.ClosedResult::seconds).sum();
  }

  double saturationRps() {
    return saturationCompleted() / saturationSeconds();
  }

  /** Callback latencies (ns) of every fixed-rate slice, sorted. */
  long[] fixedLatencies() {
    return fixed.stream().flatMapToLong(r -> java.util.Arrays.stream(r.sortedLatencies())).sorted().toArray();
  }

  double cpuMillisPerRequest() {
    return (double) saturationCpu[0] / saturationCompleted();
  }

  /** Adds the CPU used between two {@link Child#cpuMillis()} readings to {@code total}. */
  static void add(long[] total, long[] before, long[] after) {
    total[0] += after[0] - before[0];
    total[1] += after[1] - before[1];
  }
}
