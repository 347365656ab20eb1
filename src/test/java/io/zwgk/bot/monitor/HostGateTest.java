package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HostGateTest {
  private final Vertx vertx = Vertx.vertx();
  private final Context context = vertx.getOrCreateContext();
  private final List<Promise<String>> started = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  private <T> T onContext(Callable<T> body) {
    Promise<T> p = Promise.promise();
    context.runOnContext(v -> {
      try {
        p.complete(body.call());
      } catch (Exception e) {
        p.fail(e);
      }
    });
    return p.future().await();
  }

  private List<Future<String>> submit(HostGate gate, int n) {
    return onContext(() -> {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        results.add(gate.submit(() -> {
          Promise<String> p = Promise.promise();
          started.add(p);
          return p.future();
        }));
      }
      return results;
    });
  }

  @Test
  @DisplayName("no more than the concurrency limit runs at once; the next starts when one ends")
  void concurrency() {
    HostGate gate = new HostGate(vertx, 2, Duration.ZERO);
    List<Future<String>> results = submit(gate, 5);

    assertThat(started).hasSize(2);
    onContext(() -> started.get(0).tryComplete("a"));
    assertThat(started).hasSize(3);
    assertThat(results.get(0).await()).isEqualTo("a");
    onContext(() -> started.get(1).tryFail("boom"));
    assertThat(started).hasSize(4);
    assertThat(results.get(1).failed()).isTrue();
  }

  @Test
  @DisplayName("with a delay a freed slot waits on a timer before the next request starts")
  void delay() {
    HostGate gate = new HostGate(vertx, 1, Duration.ofMillis(200));
    submit(gate, 2);
    assertThat(started).hasSize(1);

    boolean nextStartedAtOnce = onContext(() -> {
      started.get(0).complete("a");
      return started.size() > 1;
    });

    assertThat(nextStartedAtOnce).isFalse();
    await().atMost(Duration.ofSeconds(5)).until(() -> started.size() == 2);
  }

  @Test
  @DisplayName("a request that throws fails its own result and frees its slot")
  void throwing() {
    HostGate gate = new HostGate(vertx, 1, Duration.ZERO);
    Future<String> bad = onContext(() -> gate.submit(() -> {
      throw new IllegalStateException("bad");
    }));
    List<Future<String>> next = submit(gate, 1);

    assertThat(bad.failed()).isTrue();
    assertThat(started).hasSize(1);
    assertThat(next).hasSize(1);
  }

  @Test
  @DisplayName("abandoning the gate fails the waiting requests at once; the running one is left alone")
  void abandon() {
    HostGate gate = new HostGate(vertx, 1, Duration.ofSeconds(30));
    List<Future<String>> results = submit(gate, 3);

    onContext(() -> {
      gate.abandon(new IllegalStateException("run over"));
      return null;
    });

    assertThat(started).hasSize(1);
    assertThat(results.get(0).isComplete()).isFalse();
    assertThat(results.subList(1, 3)).allSatisfy(f -> assertThat(f.cause()).hasMessage("run over"));
  }
}
