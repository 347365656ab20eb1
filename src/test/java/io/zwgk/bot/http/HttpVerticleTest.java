package io.zwgk.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpVerticleTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Deploys {@code instances} servers whose routers answer with their own number. */
  private HttpVerticle.Listening deploy(int instances) {
    AtomicInteger routers = new AtomicInteger();
    return HttpVerticle.deploy(vertx, v -> {
      String name = String.valueOf(routers.incrementAndGet());
      Router router = Router.router(v);
      router.get("/who").handler(rc -> rc.response().end(name));
      return router;
    }, "127.0.0.1", 0, instances).await();
  }

  /** Which routers answered {@code connections} requests, each on a connection of its own. */
  private Set<String> answersOver(int port, int connections) {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false),
        new PoolOptions().setHttp1MaxSize(connections));
    List<Future<String>> answers = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      answers.add(client.request(HttpMethod.GET, port, "127.0.0.1", "/who")
          .compose(req -> req.send().compose(resp -> resp.body()))
          .map(Object::toString));
    }
    Future.all(answers).await();
    return new TreeSet<>(answers.stream().map(Future::result).toList());
  }

  @Test
  @DisplayName("several instances share one free port, and connections are handed to every one of them")
  void instancesShareOnePort() {
    HttpVerticle.Listening listening = deploy(3);

    assertThat(listening.port()).isPositive();
    assertThat(answersOver(listening.port(), 12)).containsExactly("1", "2", "3");
  }

  @Test
  @DisplayName("two deployments on port 0 in one Vert.x get two ports, not one shared socket")
  void deploymentsDoNotShare() {
    HttpVerticle.Listening first = deploy(2);
    HttpVerticle.Listening second = deploy(2);

    assertThat(second.port()).isNotEqualTo(first.port());
  }
}
