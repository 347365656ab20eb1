package io.zwgk.bot.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP load generator on one Vert.x event loop. Closed loop: {@code N} keep-alive connections, each sending
 * its next request as soon as the previous answer arrives (throughput at saturation). Open loop: requests leave on a
 * fixed schedule whatever the answers do, and each latency is measured from the request's scheduled time, so a stall
 * of the server shows up in the latencies instead of slowing the generator down (no coordinated omission).
 */
final class LoadGenerator {
  /**
   * Completed requests, failed ones (non-200 or I/O error), the measured window (ns) and the sequence numbers used
   * ({@code firstSeq} inclusive, {@code endSeq} exclusive).
   */
  record ClosedResult(long completed, long errors, long startNanos, long endNanos, long firstSeq, long endSeq) {
    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }

  }

  /** Latencies (ns, sorted) of the requests that completed, failures, and each request's scheduled send time. */
  record OpenResult(long[] sortedLatencies, long errors, long[] scheduledAt, long firstSeq) {
  }

  private final Context context;
  private final HttpClient client;
  private final int port;
  private final Callbacks callbacks;
  private final AtomicLong sequence;

  /**
   * @param sequence numbers every request across phases, so the sink can match replies to callbacks
   * @param maxConnections the pool size; the closed loop uses exactly this many
   */
  LoadGenerator(Vertx vertx, int port, Callbacks callbacks, AtomicLong sequence, int maxConnections) {
    this.context = vertx.getOrCreateContext();
    this.port = port;
    this.callbacks = callbacks;
    this.sequence = sequence;
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(maxConnections));
  }

  /** {@code connections} requests in flight at all times for {@code duration}. */
  Future<ClosedResult> closedLoop(int connections, Duration duration) {
    Promise<ClosedResult> done = Promise.promise();
    context.runOnContext(v -> {
      long first = sequence.get();
      long start = System.nanoTime();
      long deadline = start + duration.toNanos();
      long[] counts = new long[3];
      for (int i = 0; i < connections; i++) {
        next(deadline, counts, connections, () -> done.complete(new ClosedResult(counts[0], counts[1], start,
            System.nanoTime(), first, sequence.get())));
      }
    });
    return done.future();
  }

  private void next(long deadline, long[] counts, int connections, Runnable finished) {
    if (System.nanoTime() >= deadline) {
      if (++counts[2] == connections) {
        finished.run();
      }
      return;
    }
    send(sequence.getAndIncrement()).onComplete(ar -> {
      counts[ar.succeeded() && ar.result() == 200 ? 0 : 1]++;
      next(deadline, counts, connections, finished);
    });
  }

  /** {@code rate} requests per second for {@code duration}, on a 1 ms schedule. */
  Future<OpenResult> openLoop(int rate, Duration duration) {
    int total = (int) (rate * duration.toMillis() / 1000);
    Promise<OpenResult> done = Promise.promise();
    context.runOnContext(v -> {
      long first = sequence.getAndAdd(total);
      long start = System.nanoTime() + 1_000_000;
      long[] scheduled = new long[total];
      long[] latency = new long[total];
      Arrays.fill(latency, -1);
      long[] state = new long[3]; // next to send, completed, errors
      context.owner().setPeriodic(1, id -> {
        long now = System.nanoTime();
        while (state[0] < total && start + state[0] * 1_000_000_000L / rate <= now) {
          int i = (int) state[0]++;
          scheduled[i] = start + (long) i * 1_000_000_000L / rate;
          send(first + i).onComplete(ar -> {
            if (ar.succeeded() && ar.result() == 200) {
              latency[i] = System.nanoTime() - scheduled[i];
            } else {
              state[2]++;
            }
            if (++state[1] == total) {
              done.complete(new OpenResult(sorted(latency), state[2], scheduled, first));
            }
          });
        }
        if (state[0] == total) {
          context.owner().cancelTimer(id);
        }
      });
    });
    return done.future();
  }

  private static long[] sorted(long[] latency) {
    return Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
  }

  private Future<Integer> send(long n) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI(Callbacks.PATH).setHeaders(callbacks.headers()).setTimeout(30_000);
    return client.request(options)
        .compose(req -> req.send(callbacks.body(n)))
        .compose(resp -> resp.end().map(x -> resp.statusCode()));
  }

  Future<Void> close() {
    return client.close();
  }
}
