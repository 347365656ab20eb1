package io.zwgk.bot.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Owns the HTTP server: webhooks, admin API and health, on the configured host and port. */
public final class HttpVerticle extends VerticleBase {
  /** How long requests in progress may take to finish once the server stops accepting. */
  static final long SHUTDOWN_GRACE_SECONDS = 5;
  private final Function<io.vertx.core.Vertx, Router> routerFactory;
  private final String host;
  private final int port;
  private HttpServer server;

  /**
   * @param routerFactory builds the router on this verticle's Vert.x instance
   * @param port the port, 0 for any free port (read it back with {@link #actualPort()})
   */
  public HttpVerticle(Function<io.vertx.core.Vertx, Router> routerFactory, String host, int port) {
    this.routerFactory = routerFactory;
    this.host = host;
    this.port = port;
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
