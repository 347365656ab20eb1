package io.zwgk.bot.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The service's meters, one set per running {@code App}, rendered for {@code GET /metrics} in Prometheus text format.
 * Recording is thread-safe and cheap (a map lookup and an atomic add), so any event loop may call it. The outbox gauges
 * hold the last values read from Redis; they are refreshed on a timer, never per scrape.
 */
public final class Metrics implements AutoCloseable {
  /** What became of one inbound platform request. */
  public enum Inbound { ACCEPTED, DUPLICATE, REJECTED_SIGNATURE, MALFORMED, TOO_LARGE }

  /** How a message reached (or failed to reach) the platform: a direct reply or a delivery from the outbox. */
  public enum Path { REPLY, OUTBOX }

  /** The outcome of one send attempt. */
  public enum Send { SENT, RETRY, THROTTLED, DEAD }

  private final MeterRegistry registry;
  private final Optional<PrometheusMeterRegistry> prometheus;
  private final Optional<JvmGcMetrics> gc;
  private final AtomicLong outboxDepth = new AtomicLong();
  private final AtomicLong outboxOldestAgeMs = new AtomicLong();
  private final AtomicLong outboxDead = new AtomicLong();
  private final Counter redisErrors;
  private final Counter redisRestarts;
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Timer> commandTimers = new ConcurrentHashMap<>();

  private Metrics(MeterRegistry registry, Optional<PrometheusMeterRegistry> prometheus, boolean jvm) {
    this.registry = registry;
    this.prometheus = prometheus;
    this.gc = jvm ? Optional.of(new JvmGcMetrics()) : Optional.empty();
    if (jvm) {
      new JvmMemoryMetrics().bindTo(registry);
      gc.get().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
    }
    redisErrors = Counter.builder("zwgk.redis.errors")
        .description("Redis commands that failed (unreachable, timeout, error reply)").register(registry);
    redisRestarts = Counter.builder("zwgk.redis.restarts")
        .description("Restarts of the supervised local redis-server after it exited unexpectedly").register(registry);
    Gauge.builder("zwgk.outbox.depth", outboxDepth, AtomicLong::get)
        .description("Messages waiting in the outbox (all instances; refreshed every 15 s)").register(registry);
    Gauge.builder("zwgk.outbox.oldest.age", outboxOldestAgeMs, n -> n.get() / 1000.0).baseUnit("seconds")
        .description("Age of the oldest waiting outbox message, 0 when none waits").register(registry);
    Gauge.builder("zwgk.outbox.dead.letters", outboxDead, AtomicLong::get)
        .description("Messages in the outbox's dead letters (all instances)").register(registry);
  }

  /** Meters exposed in Prometheus format, with the JVM basics (memory, GC, threads, classes, CPU, uptime). */
  public static Metrics prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return new Metrics(registry, Optional.of(registry), true);
  }

  /** Meters that record nothing: for code built without metrics (tools, tests). */
  public static Metrics none() {
    return new Metrics(new CompositeMeterRegistry(), Optional.empty(), false);
  }

  /** Counts one inbound request of a platform by what became of it. */
  public void inbound(String platform, Inbound outcome) {
    counter(List.of("inbound", platform, tag(outcome)), () -> Counter.builder("zwgk.inbound.requests")
        .description("Inbound platform requests by platform and outcome")
        .tag("platform", platform).tag("outcome", tag(outcome))).increment();
  }

  /** Records how long one chat command took to answer. */
  public void command(String name, long nanos) {
    commandTimers.computeIfAbsent(name, n -> Timer.builder("zwgk.command.latency")
        .description("Time to answer a chat command, by command")
        .tag("command", n)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Counts one send attempt by platform, path and result. */
  public void send(String platform, Path path, Send result) {
    counter(List.of("send", platform, tag(path), tag(result)), () -> Counter.builder("zwgk.sends")
        .description("Send attempts by platform, path (reply/outbox) and result")
        .tag("platform", platform).tag("path", tag(path)).tag("result", tag(result))).increment();
  }

  /** Counts one message this instance moved to the dead letters. */
  public void deadLetter(String platform) {
    counter(List.of("dead", platform), () -> Counter.builder("zwgk.dead.letters")
        .description("Messages moved to the dead letters by this instance").tag("platform", platform)).increment();
  }

  /** The counter registered under {@code key}, registered on first use (a lookup by name and tags costs more). */
  private Counter counter(List<String> key, Supplier<Counter.Builder> builder) {
    return counters.computeIfAbsent(key, k -> builder.get().register(registry));
  }

  /** Counts one failed Redis command. */
  public void redisError() {
    redisErrors.increment();
  }

  /** Counts one restart of the supervised local redis-server. */
  public void redisRestart() {
    redisRestarts.increment();
  }

  /** Sets the outbox gauges from the latest reading. */
  public void outbox(long depth, long oldestAgeMs, long dead) {
    outboxDepth.set(depth);
    outboxOldestAgeMs.set(Math.max(0, oldestAgeMs));
    outboxDead.set(dead);
  }

  /** The Prometheus text exposition (format 0.0.4) of every meter; empty for {@link #none()}. */
  public String scrape() {
    return prometheus.map(PrometheusMeterRegistry::scrape).orElse("");
  }

  /** Stops the JVM GC listener. */
  @Override
  public void close() {
    gc.ifPresent(JvmGcMetrics::close);
    registry.close();
  }

  private static String tag(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
