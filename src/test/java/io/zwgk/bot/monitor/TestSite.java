package io.zwgk.bot.monitor;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web site served inside the tests on 127.0.0.1, port 0, whose pages the test changes while it runs. It records
 * every request, the most requests it had in flight at once, answers 405 to HEAD on chosen paths and never answers
 * chosen paths (timeouts).
 */
final class TestSite {
  record Page(int status, String contentType, Buffer body) {
  }

  private final Map<String, Page> pages = new ConcurrentHashMap<>();
  private final Set<String> headRefused = ConcurrentHashMap.newKeySet();
  private final Set<String> silent = ConcurrentHashMap.newKeySet();
  private final Map<String, String> endless = new ConcurrentHashMap<>();
  private final Set<String> trickling = ConcurrentHashMap.newKeySet();
  private final Map<String, String> locations = new ConcurrentHashMap<>();
  private final AtomicInteger cutOff = new AtomicInteger();
  private Vertx vertx;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private HttpServer server;

  static TestSite start(Vertx vertx) {
    TestSite site = new TestSite();
    site.vertx = vertx;
    site.server = vertx.createHttpServer().requestHandler(site::handle).listen(0, "127.0.0.1").await();
    return site;
  }

  void close() {
    server.close().await();
  }

  int port() {
    return server.actualPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.actualPort() + path;
  }

  void html(String path, String html) {
    put(path, 200, "text/html; charset=utf-8", Buffer.buffer(html, "UTF-8"));
  }

  void html(String path, String html, Charset charset) {
    put(path, 200, "text/html", Buffer.buffer(html.getBytes(charset)));
  }

  void put(String path, int status, String contentType, Buffer body) {
    pages.put(path, new Page(status, contentType, body));
  }

  void text(String path, String text) {
    put(path, 200, "text/plain; charset=utf-8", Buffer.buffer(text, StandardCharsets.UTF_8.name()));
  }

  void refuseHead(String path) {
    headRefused.add(path);
  }

  void neverAnswer(String path) {
    silent.add(path);
  }

  /** The path answers 200 with this Content-Type and writes 16 KiB chunks until the client goes away. */
  void endless(String path, String contentType) {
    endless.put(path, contentType);
  }

  /** The path answers 200 text/html at once, then one byte every 100 ms until the client goes away. */
  void trickle(String path) {
    trickling.add(path);
  }

  /** The path's answer carries this Location header. */
  void redirect(String path, String location) {
    locations.put(path, location);
  }

  /** How many endless or trickling answers the client cut off (closed the connection) while they were sent. */
  int cutOff() {
    return cutOff.get();
  }

  /** Every request as {@code METHOD path}, in arrival order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  boolean requested(String path) {
    return requests.stream().anyMatch(r -> r.endsWith(" " + path));
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  void forgetRequests() {
    requests.clear();
  }

  /** Writes {@code chunk} over and over, the next once the last is written, until the connection is gone. */
  private void flood(io.vertx.core.http.HttpServerResponse resp, Buffer chunk) {
    if (resp.closed() || resp.ended()) {
      return;
    }
    resp.write(chunk).onSuccess(v -> flood(resp, chunk));
  }

  private void handle(HttpServerRequest req) {
    requests.add(req.method() + " " + req.path());
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    AtomicInteger once = new AtomicInteger();
    Runnable done = () -> {
      if (once.getAndIncrement() == 0) {
        inFlight.decrementAndGet();
      }
    };
    req.response().endHandler(v -> done.run());
    req.response().closeHandler(v -> done.run());
    req.connection().closeHandler(v -> done.run());
    if (silent.contains(req.path())) {
      return;
    }
    if (req.method() == HttpMethod.HEAD && headRefused.contains(req.path())) {
      req.response().setStatusCode(405).end();
      return;
    }
    if (endless.containsKey(req.path()) && req.method() == HttpMethod.GET) {
      req.response().setChunked(true).putHeader("Content-Type", endless.get(req.path()));
      req.response().closeHandler(v -> cutOff.incrementAndGet());
      flood(req.response(), Buffer.buffer(new byte[16 * 1024]).setString(0, "<html><body><p>"));
      return;
    }
    if (trickling.contains(req.path()) && req.method() == HttpMethod.GET) {
      req.response().setChunked(true).putHeader("Content-Type", "text/html; charset=utf-8").write("<html>");
      long timer = vertx.setPeriodic(100, id -> req.response().write("."));
      req.response().closeHandler(v -> {
        vertx.cancelTimer(timer);
        cutOff.incrementAndGet();
      });
      return;
    }
    Page page = pages.get(req.path());
    if (page == null) {
      req.response().setStatusCode(404).putHeader("Content-Type", "text/html").end("<h1>404</h1>");
      return;
    }
    req.response().setStatusCode(page.status()).putHeader("Content-Type", page.contentType());
    if (locations.containsKey(req.path())) {
      req.response().putHeader("Location", locations.get(req.path()));
    }
    if (req.method() == HttpMethod.HEAD) {
      req.response().putHeader("Content-Length", String.valueOf(page.body().length())).end();
    } else {
      req.response().end(page.body());
    }
  }
}
