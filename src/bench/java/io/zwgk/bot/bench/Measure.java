package io.zwgk.bot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Time, allocation and memory probes. Allocation comes from
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes}: for the calling thread when the work runs on it,
 * summed over every live thread when it hops to event loops and workers (threads that die meanwhile are missed).
 */
final class Measure {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The median time and median allocation of the measured repetitions. */
  record Sample(double millis, double bytes) {
  }

  private Measure() {
  }

  static long allocatedByThisThread() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  static long allocatedByAllThreads() {
    long[] bytes = THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds());
    long sum = 0;
    for (long b : bytes) {
      sum += Math.max(b, 0);
    }
    return sum;
  }

  /**
   * Runs {@code body} {@code warmups} times unmeasured, then {@code reps} times measured; answers the medians.
   *
   * @param allThreads count allocation on every thread, not only the caller's
   */
  static Sample sample(int warmups, int reps, boolean allThreads, Supplier<?> body) {
    for (int i = 0; i < warmups; i++) {
      consume(body.get());
    }
    double[] millis = new double[reps];
    double[] bytes = new double[reps];
    for (int i = 0; i < reps; i++) {
      long a0 = allThreads ? allocatedByAllThreads() : allocatedByThisThread();
      long t0 = System.nanoTime();
      consume(body.get());
      millis[i] = (System.nanoTime() - t0) / 1e6;
      bytes[i] = (allThreads ? allocatedByAllThreads() : allocatedByThisThread()) - a0;
    }
    return new Sample(median(millis), median(bytes));
  }

  private static volatile int sink;

  private static void consume(Object result) {
    sink += result == null ? 0 : System.identityHashCode(result) & 1;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  /** The {@code p}-th percentile (0–100, nearest rank) of sorted nanosecond values, in milliseconds. */
  static double percentileMillis(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
    return sortedNanos[Math.min(Math.max(rank - 1, 0), sortedNanos.length - 1)] / 1e6;
  }

  /**
   * CPU time (user + system) a process has used, in ms, from {@code /proc/<pid>/stat} (clock ticks of 10 ms, the
   * Linux USER_HZ); -1 when it cannot be read.
   */
  static long cpuMillis(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** VmRSS of a process from {@code /proc/<pid>/status}, in KiB; -1 when it cannot be read. */
  static long rssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
