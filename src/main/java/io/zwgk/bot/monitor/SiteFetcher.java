package io.zwgk.bot.monitor;

import io.vertx.core.Expectation;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.http.HttpResponseHead;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.monitor.Fetch.Failed;
import io.zwgk.bot.monitor.Fetch.Ok;
import io.zwgk.bot.monitor.Fetch.Problem;
import io.zwgk.bot.monitor.Fetch.SkipReason;
import io.zwgk.bot.monitor.Fetch.Skipped;
import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The crawler of one run: only allowed hosts, robots.txt honoured (cached per host for the run) unless the host is
 * overridden, per-host pacing ({@link HostGate}), a timeout on every request, redirects followed by hand (at most 5,
 * each hop checked again) and a budget of requests (robots.txt not counted). Pages, links and images are each fetched
 * once per run. Use it from one context.
 */
final class SiteFetcher {
  static final int MAX_REDIRECTS = 5;
  private static final Expectation<HttpResponseHead> SUCCESS =
      HttpResponseExpectation.SC_SUCCESS.wrappingFailure((resp, e) -> new StatusException(resp.statusCode(),
          resp.headers().get("Location")));

  private final Vertx vertx;
  private final WebClient web;
  private final MonitorConfig config;
  private final Robots robots;
  private final Map<String, HostGate> gates = new HashMap<>();
  private final Map<String, Future<Fetch>> pages = new HashMap<>();
  private final Map<String, Future<Fetch>> links = new HashMap<>();
  private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
  private int requests;

  SiteFetcher(Vertx vertx, WebClient web, MonitorConfig config) {
    this.vertx = vertx;
    this.web = web;
    this.config = config;
    this.robots = new Robots(config, this::send);
  }

  /** A page to read: GET, following redirects. */
  Future<Fetch> page(String url) {
    return pages.computeIfAbsent(url, u -> fetch(u, HttpMethod.GET, 0));
  }

  /** A link target: HEAD, then GET when HEAD is refused (405, 501). */
  Future<Fetch> link(String url) {
    return links.computeIfAbsent(url, u -> fetch(u, HttpMethod.HEAD, 0).compose(f -> f instanceof Failed x
        && x.problem() == Problem.HTTP_STATUS && (x.status() == 405 || x.status() == 501)
        ? fetch(u, HttpMethod.GET, 0) : Future.succeededFuture(f)));
  }

  /** An image: GET its bytes and decode them off the event loop. */
  Future<Fetch> image(String url) {
    return links.computeIfAbsent(url + "#img", u -> fetch(url, HttpMethod.GET, 0).compose(f -> f instanceof Ok ok
        ? vertx.executeBlocking(() -> Images.decodable(ok.body().getBytes(), ok.contentType()))
            .map(good -> good ? f : new Failed(url, Problem.UNDECODABLE, ok.status(), ok.contentType()))
        : Future.succeededFuture(f)));
  }

  int requests() {
    return requests;
  }

  boolean budgetSpent() {
    return skipped.containsKey(SkipReason.BUDGET);
  }

  /** How many targets were not requested, by reason. */
  Map<SkipReason, Integer> skipped() {
    return Map.copyOf(skipped);
  }

  private Future<Fetch> fetch(String url, HttpMethod method, int hops) {
    Optional<URI> uri = Urls.parse(url);
    if (uri.isEmpty()) {
      return skip(url, SkipReason.BAD_ADDRESS);
    }
    if (!config.allows(uri.get().getHost())) {
      return skip(url, SkipReason.OUTSIDE_HOSTS);
    }
    return robots.rules(uri.get()).compose(rules -> {
      if (!rules.allows(Urls.pathAndQuery(uri.get()))) {
        return skip(url, SkipReason.ROBOTS);
      }
      if (requests >= config.crawl().pageBudget()) {
        return skip(url, SkipReason.BUDGET);
      }
      requests++;
      return send(uri.get(), method).recover(e -> redirect(url, method, hops, e));
    });
  }

  private Future<Fetch> redirect(String url, HttpMethod method, int hops, Throwable e) {
    if (e instanceof StatusException s && s.status() >= 300 && s.status() < 400 && s.location() != null) {
      if (hops >= MAX_REDIRECTS) {
        return Future.succeededFuture(new Failed(url, Problem.REDIRECTS, s.status(), "more than " + MAX_REDIRECTS));
      }
      Optional<String> next = Urls.resolve(url, s.location());
      return next.isEmpty() ? skip(s.location(), SkipReason.BAD_ADDRESS) : fetch(next.get(), method, hops + 1);
    }
    return Future.succeededFuture(Failures.of(url, e));
  }

  /** One request through the host's gate, failing with {@link StatusException} on a non-2xx answer. */
  private Future<Fetch> send(URI uri, HttpMethod method) {
    String url = uri.toASCIIString();
    HostGate gate = gates.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
        k -> new HostGate(vertx, config.crawl().perHostConcurrency(), config.crawl().perHostDelay()));
    return gate.submit(() -> web.requestAbs(method, url)
        .putHeader("User-Agent", config.userAgent())
        .followRedirects(false)
        .timeout(config.crawl().requestTimeout().toMillis())
        .send()
        .expecting(SUCCESS))
        .map(resp -> ok(url, resp));
  }

  private static Fetch ok(String url, HttpResponse<Buffer> resp) {
    return new Ok(url, resp.statusCode(), resp.getHeader("Content-Type"), resp.body());
  }

  private Future<Fetch> skip(String url, SkipReason reason) {
    skipped.merge(reason, 1, Integer::sum);
    return Future.succeededFuture(new Skipped(url, reason));
  }

  /** A non-2xx answer, with the redirect target when there is one. */
  static final class StatusException extends RuntimeException {
    private final int status;
    private final String location;

    StatusException(int status, String location) {
      super("HTTP " + status, null, false, false);
      this.status = status;
      this.location = location;
    }

    int status() {
      return status;
    }

    String location() {
      return location;
    }
  }
}
