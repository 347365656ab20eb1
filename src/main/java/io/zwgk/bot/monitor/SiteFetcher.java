package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.zwgk.bot.monitor.Download.Answer;
import io.zwgk.bot.monitor.Fetch.Failed;
import io.zwgk.bot.monitor.Fetch.Ok;
import io.zwgk.bot.monitor.Fetch.Problem;
import io.zwgk.bot.monitor.Fetch.SkipReason;
import io.zwgk.bot.monitor.Fetch.Skipped;
import io.zwgk.bot.monitor.Fetch.TooLarge;
import java.net.URI;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.ToLongFunction;

/**
 * The crawler of one run: only allowed hosts and ports, never this service's own ports, robots.txt honoured (cached
 * per host for the run) unless the host is overridden, per-host pacing ({@link HostGate}), a deadline on every
 * request (connect to last byte), every body streamed and cut at the cap of its Content-Type, redirects followed by
 * hand (at most 5, each hop checked again) and a budget of requests (robots.txt not counted). Links and images are
 * each checked once per run and kept without their bytes; pages are not kept (their readers keep what they found).
 * Use it from one context.
 */
final class SiteFetcher {
  static final int MAX_REDIRECTS = 5;

  /** How much of a body a request reads. */
  private enum Read {
    /** The body up to the cap of its Content-Type; a longer one is {@link TooLarge}. */
    WHOLE,
    /** Only the status and headers (a link check by GET): the connection is closed once they arrive. */
    HEADERS,
    /** robots.txt: its first {@link Robots#MAX_BYTES} bytes, the rest is not read (RFC 9309 §2.5). */
    PREFIX
  }

  private final Vertx vertx;
  private final HttpClient http;
  private final MonitorConfig config;
  private final OwnPorts ownPorts;
  private final Robots robots;
  private final Map<String, HostGate> gates = new HashMap<>();
  private final Map<String, Future<Fetch>> links = new HashMap<>();
  private final Map<SkipReason, Integer> skipped = new EnumMap<>(SkipReason.class);
  private final Set<Download> running = new LinkedHashSet<>();
  private int requests;
  private boolean stopped;

  SiteFetcher(Vertx vertx, HttpClient http, MonitorConfig config, OwnPorts ownPorts) {
    this.vertx = vertx;
    this.http = http;
    this.config = config;
    this.ownPorts = ownPorts;
    this.robots = new Robots(config, this::permitted, uri -> send(uri, HttpMethod.GET, Read.PREFIX));
  }

  /** A page (or attachment) to read: GET, following redirects. */
  Future<Fetch> page(String url) {
    return fetch(url, HttpMethod.GET, Read.WHOLE, 0);
  }

  /** A link target: HEAD, then GET (headers only) when HEAD is refused (405, 501). */
  Future<Fetch> link(String url) {
    return links.computeIfAbsent(url, u -> fetch(u, HttpMethod.HEAD, Read.HEADERS, 0).compose(f ->
        f instanceof Failed x && x.problem() == Problem.HTTP_STATUS && (x.status() == 405 || x.status() == 501)
            ? fetch(u, HttpMethod.GET, Read.HEADERS, 0) : Future.succeededFuture(f)));
  }

  /** An image: GET its bytes and decode them off the event loop; the answer keeps no bytes. */
  Future<Fetch> image(String url) {
    return links.computeIfAbsent(url + "#img", u -> fetch(url, HttpMethod.GET, Read.WHOLE, 0)
        .compose(f -> f instanceof Ok ok
            ? vertx.executeBlocking(() -> Images.decodable(ok.body().getBytes(), ok.contentType()))
                .map(good -> good ? (Fetch) new Ok(url, ok.status(), ok.contentType(), Buffer.buffer())
                    : new Failed(url, Problem.UNDECODABLE, ok.status(), ok.contentType()))
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

  /**
   * Ends the run's crawling (its deadline passed): requests in flight are reset, waiting ones fail, later ones fail
   * at once, all as timeouts.
   */
  void stop() {
    stopped = true;
    TimeoutException why = new TimeoutException("the monitor run's deadline passed");
    List.copyOf(running).forEach(d -> d.abort(why));
    gates.values().forEach(g -> g.abandon(why));
  }

  /** Whether this address may be requested at all: an allowed host and port, not one of the service's own. */
  private boolean permitted(URI uri) {
    return config.allows(uri) && !ownPorts.contains(HostList.port(uri));
  }

  private Future<Fetch> fetch(String url, HttpMethod method, Read read, int hops) {
    Optional<URI> uri = Urls.parse(url);
    if (uri.isEmpty()) {
      return skip(url, SkipReason.BAD_ADDRESS);
    }
    if (!config.allows(uri.get())) {
      return skip(url, SkipReason.OUTSIDE_HOSTS);
    }
    if (ownPorts.contains(HostList.port(uri.get()))) {
      return skip(url, SkipReason.OWN_PORT);
    }
    return robots.rules(uri.get()).compose(rules -> {
      if (!rules.allows(Urls.pathAndQuery(uri.get()))) {
        return skip(url, SkipReason.ROBOTS);
      }
      if (requests >= config.crawl().pageBudget()) {
        return skip(url, SkipReason.BUDGET);
      }
      requests++;
      return send(uri.get(), method, read).recover(e -> redirect(url, method, read, hops, e));
    });
  }

  private Future<Fetch> redirect(String url, HttpMethod method, Read read, int hops, Throwable e) {
    if (e instanceof StatusException s && s.status() >= 300 && s.status() < 400 && s.location() != null) {
      if (hops >= MAX_REDIRECTS) {
        return Future.succeededFuture(new Failed(url, Problem.REDIRECTS, s.status(), "more than " + MAX_REDIRECTS));
      }
      Optional<String> next = Urls.resolve(url, s.location());
      return next.isEmpty() ? skip(s.location(), SkipReason.BAD_ADDRESS) : fetch(next.get(), method, read, hops + 1);
    }
    return Future.succeededFuture(Failures.of(url, e));
  }

  /**
   * One request through the host's gate, failing with {@link StatusException} on a non-2xx answer and with a
   * {@link TimeoutException} past the request deadline. Refuses addresses that are not {@link #permitted}.
   */
  private Future<Fetch> send(URI uri, HttpMethod method, Read read) {
    String url = uri.toASCIIString();
    if (!permitted(uri)) {
      return Future.failedFuture(new IllegalStateException("not an allowed host and port: " + Urls.origin(uri)));
    }
    HostGate gate = gates.computeIfAbsent(Urls.origin(uri),
        k -> new HostGate(vertx, config.crawl().perHostConcurrency(), config.crawl().perHostDelay()));
    return gate.submit(() -> download(uri, method, read)).compose(a -> answer(url, a, read));
  }

  private Future<Answer> download(URI uri, HttpMethod method, Read read) {
    if (stopped) {
      return Future.failedFuture(new TimeoutException("the monitor run's deadline passed"));
    }
    RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(uri.toASCIIString())
        .setFollowRedirects(false).putHeader("User-Agent", config.userAgent());
    Download d = new Download(vertx, http, options, config.crawl().requestTimeout(), cap(method, read));
    running.add(d);
    return d.start().onComplete(ar -> running.remove(d));
  }

  private ToLongFunction<String> cap(HttpMethod method, Read read) {
    if (method == HttpMethod.HEAD) {
      return type -> Long.MAX_VALUE;
    }
    return switch (read) {
      case WHOLE -> config.crawl().caps()::forType;
      case HEADERS -> type -> 0;
      case PREFIX -> type -> Robots.MAX_BYTES;
    };
  }

  private static Future<Fetch> answer(String url, Answer a, Read read) {
    if (!a.success()) {
      return Future.failedFuture(new StatusException(a.status(), a.location()));
    }
    if (a.cut() && read == Read.WHOLE) {
      return Future.succeededFuture(new TooLarge(url, a.status(), a.contentType(), a.cap()));
    }
    return Future.succeededFuture(new Ok(url, a.status(), a.contentType(), a.body()));
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
