package io.zwgk.bot.http;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Owns one HTTP server: webhooks, admin API and health, on the configured host and port. {@link #deploy} runs one per
 * CPU core on the same port; Vert.x binds the socket once and hands each new connection to the next instance, so
 * inbound work spreads over the cores while each instance stays single-threaded.
 */
public final class HttpVerticle extends VerticleBase {
  /** How long requests in progress may take to finish once the server stops accepting. */
  static final long SHUTDOWN_GRACE_SECONDS = 5;
  /** Negative ports name a free port shared by the instances of one deployment; each deployment gets its own. */
  private static final AtomicInteger SHARED_FREE_PORTS = new AtomicInteger();
  private final Function<Vertx, Router> routerFactory;
  private final String host;
  private final int port;
  private HttpServer server;

  /** A deployment of HTTP servers: its id (to undeploy it) and the port they listen on. */
  public record Listening(String deploymentId, int port) {
  }

  /**
   * @param routerFactory builds the router on this verticle's Vert.x instance
   * @param port the port; 0 for any free port, or a negative number for a free port shared by every instance with
   *     the same number (read it back with {@link #actualPort()})
   */
  public HttpVerticle(Function<Vertx, Router> routerFactory, String host, int port) {
    this.routerFactory = routerFactory;
    this.host = host;
    this.port = port;
  }

  /**
   * Deploys {@code instances} servers on {@code port} (0: one free port, shared by all of them), each with a router of
   * its own from {@code routerFactory}; everything the routers share must be thread-safe.
   */
  public static Future<Listening> deploy(Vertx vertx, Function<Vertx, Router> routerFactory, String host, int port,
      int instances) {
    List<HttpVerticle> started = new CopyOnWriteArrayList<>();
    int listenPort = port == 0 ? SHARED_FREE_PORTS.decrementAndGet() : port;
    return vertx.deployVerticle(() -> {
      HttpVerticle verticle = new HttpVerticle(routerFactory, host, listenPort);
      started.add(verticle);
      return verticle;
    }, new DeploymentOptions().setInstances(instances))
        .map(id -> new Listening(id, started.get(0).actualPort()));
  }

  /** One server per processor the JVM may use (container limits included). */
  public static int defaultInstances() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public Future<?> start() {
    Router router = routerFactory.apply(vertx);
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true))
        .requestHandler(router)
        .listen()
        .onSuccess(s -> server = s);
  }

  /** Stops accepting connections at once, lets requests in progress finish (bounded), then closes. */
  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
  }

  /** The bound port once started. */
  public int actualPort() {
    return server.actualPort();
  }
}
