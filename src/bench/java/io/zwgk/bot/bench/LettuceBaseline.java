package io.zwgk.bot.bench;

import io.lettuce.core.Consumer;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Redis's own queueing rate on the same server, the yardstick of the outbox: {@code n} entries of the outbox's payload
 * size appended with {@code XADD}, then read with {@code XREADGROUP} and acknowledged with {@code XACK}, every phase
 * pipelined by Lettuce (auto-flush off, one flush per phase). Uses Lettuce directly, as only a benchmark may.
 */
final class LettuceBaseline implements AutoCloseable {
  private static final String STREAM = "bench:stream";
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Seconds spent appending, and reading plus acknowledging. */
  record Rates(double addSeconds, double consumeSeconds, int n) {
    double addPerSecond() {
      return n / addSeconds;
    }

    double consumePerSecond() {
      return n / consumeSeconds;
    }

    /** Messages per second through both: append then consume, one after the other. */
    double throughPerSecond() {
      return n / (addSeconds + consumeSeconds);
    }
  }

  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;

  LettuceBaseline(String uri) {
    client = RedisClient.create(uri);
    connection = client.connect();
  }

  void flushAll() {
    connection.sync().flushall();
  }

  @SuppressWarnings("unchecked") // XREADGROUP takes StreamOffset<K>... varargs
  Rates measure(int n, String payload) {
    RedisAsyncCommands<String, String> async = connection.async();
    connection.sync().del(STREAM);
    connection.setAutoFlushCommands(false);
    try {
      long t0 = System.nanoTime();
      List<RedisFuture<String>> added = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        added.add(async.xadd(STREAM, Map.of("payload", payload)));
      }
      await(added);
      long t1 = System.nanoTime();
      await(List.of(async.xgroupCreate(XReadArgs.StreamOffset.from(STREAM, "0"), "g")));
      long t2 = System.nanoTime();
      List<RedisFuture<List<StreamMessage<String, String>>>> reads = new ArrayList<>();
      for (int i = 0; i < (n + 99) / 100; i++) {
        reads.add(async.xreadgroup(Consumer.from("g", "c"), XReadArgs.Builder.count(100),
            XReadArgs.StreamOffset.lastConsumed(STREAM)));
      }
      await(reads);
      List<RedisFuture<Long>> acks = new ArrayList<>();
      for (RedisFuture<List<StreamMessage<String, String>>> read : reads) {
        String[] ids = value(read).stream().map(StreamMessage::getId).toArray(String[]::new);
        if (ids.length > 0) {
          acks.add(async.xack(STREAM, "g", ids));
        }
      }
      await(acks);
      long t3 = System.nanoTime();
      long acked = acks.stream().mapToLong(LettuceBaseline::value).sum();
      if (acked != n) {
        throw new IllegalStateException("baseline acknowledged " + acked + " of " + n);
      }
      return new Rates((t1 - t0) / 1e9, (t3 - t2) / 1e9, n);
    } finally {
      connection.setAutoFlushCommands(true);
    }
  }

  private static <T> T value(RedisFuture<T> future) {
    return future.toCompletableFuture().join();
  }

  private <T> void await(List<? extends RedisFuture<T>> futures) {
    connection.flushCommands();
    if (!LettuceFutures.awaitAll(TIMEOUT, futures.toArray(RedisFuture[]::new))) {
      throw new IllegalStateException("Redis baseline timed out");
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
