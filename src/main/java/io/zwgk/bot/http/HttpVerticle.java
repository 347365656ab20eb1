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
 * inbound work spreads over the cores while each instance stays single-threaded. Every connection is held to the
 * deployment's {@link HttpLimits} (idle timeout, header deadline, connections per client address).
 */
public final class HttpVerticle extends VerticleBase {
  /** How long requests in progress may take to finish once the server stops accepting. */
  static final long SHUTDOWN_GRACE_SECONDS = 5;
  /** Negative ports name a free port shared by the instances of one deployment; each deployment gets its own. */
  private static final AtomicInteger SHARED_FREE_PORTS = new AtomicInteger();
  private final Function<Vertx, Router> routerFactory;
  private final String host;
  private final int port;
  private final HttpLimits limits;
  private final ConnectionGuard.AddressCounts counts;
  private HttpServer server;

  /** A deployment of HTTP servers: its id (to undeploy it) and the port they listen on. */
  public record Listening(String deploymentId, int port) {
  }

  /**
   * @param routerFactory builds the router on this verticle's Vert.x instance
   * @param port the port; 0 for any free port, or a negative number for a free port shared by every instance with
   *     the same number (read it back with {@link #actualPort()})
   * @param counts the open connections per address, shared by the instances of one deployment
   */
  HttpVerticle(Function<Vertx, Router> routerFactory, String host, int port, HttpLimits limits,
      ConnectionGuard.AddressCounts counts) {
    this.routerFactory = routerFactory;
    this.host = host;
    this.port = port;
    this.limits = limits;
    this.counts = counts;
  }

  /** {@link #deploy(Vertx, Function, String, int, int, HttpLimits)} with {@link HttpLimits#defaults()}. */
  public static Future<Listening> deploy(Vertx vertx, Function<Vertx, Router> routerFactory, String host, int port,
      int instances) {
    return deploy(vertx, routerFactory, host, port, instances, HttpLimits.defaults());
  }

  /**
   * Deploys {@code instances} servers on {@code port} (0: one free port, shared by all of them), each with a router of
   * its own from {@code routerFactory}; everything the routers share must be thread-safe. The per-address cap of
   * {@code limits} counts the connections of all of them together.
   */
  public static Future<Listening> deploy(Vertx vertx, Function<Vertx, Router> routerFactory, String host, int port,
      int instances, HttpLimits limits) {
    List<HttpVerticle> started = new CopyOnWriteArrayList<>();
    int listenPort = port == 0 ? SHARED_FREE_PORTS.decrementAndGet() : port;
    ConnectionGuard.AddressCounts counts = new ConnectionGuard.AddressCounts();
    return vertx.deployVerticle(() -> {
      HttpVerticle verticle = new HttpVerticle(routerFactory, host, listenPort, limits, counts);
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
    ConnectionGuard guard = new ConnectionGuard(vertx, limits, counts);
    router.route().order(Integer.MIN_VALUE).handler(guard::onRequest);
    HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setCompressionSupported(true)
        .setHttp2ClearTextEnabled(false); // with h2c Vert.x only reports a connection once its first line is read
    return vertx.createHttpServer(options)
        .connectionHandler(guard::opened)
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
