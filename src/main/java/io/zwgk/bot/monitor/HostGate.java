package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Paces the requests to one host: at most {@code concurrency} in flight, and each slot rests {@code delay} after its
 * request ends before it takes the next one (a Vert.x timer, never a sleep). Not thread-safe: use it from one
 * context.
 */
final class HostGate {
  private final Vertx vertx;
  private final int concurrency;
  private final long delayMillis;
  private final Deque<Waiting> waiting = new ArrayDeque<>();
  private int busy;

  /** A request waiting for a slot: how to start it, and how to fail it when the gate is abandoned. */
  private record Waiting(Runnable start, Consumer<Throwable> fail) {
  }

  HostGate(Vertx vertx, int concurrency, Duration delay) {
    this.vertx = vertx;
    this.concurrency = concurrency;
    this.delayMillis = delay.toMillis();
  }

  /** Runs {@code request} when a slot is free; the result is the request's. */
  <T> Future<T> submit(Supplier<Future<T>> request) {
    Promise<T> result = Promise.promise();
    waiting.add(new Waiting(() -> start(request, result), result::tryFail));
    pump();
    return result.future();
  }

  private <T> void start(Supplier<Future<T>> request, Promise<T> result) {
    Future<T> running;
    try {
      running = request.get(); // blocking-ok: a Supplier of a Future, not a blocking get
    } catch (RuntimeException e) {
      running = Future.failedFuture(e);
    }
    running.onComplete(ar -> {
      if (delayMillis > 0) {
        vertx.setTimer(delayMillis, id -> release());
      } else {
        release();
      }
      result.handle(ar);
    });
  }

  /** Fails every request still waiting for a slot with {@code why} (the run is over); running ones are left. */
  void abandon(Throwable why) {
    while (!waiting.isEmpty()) {
      waiting.poll().fail().accept(why);
    }
  }

  private void release() {
    busy--;
    pump();
  }

  private void pump() {
    while (busy < concurrency && !waiting.isEmpty()) {
      busy++;
      waiting.poll().start().run();
    }
  }
}
