package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.zwgk.bot.monitor.SiteFetcher.StatusException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of each origin, fetched once per run (RFC 9309: a 4xx answer allows everything, a server or
 * network error disallows everything, redirects are followed up to five hops). Overridden hosts are never asked.
 */
final class Robots {
  private static final Logger log = LoggerFactory.getLogger(Robots.class);
  /** The most of a robots.txt that is read and parsed. */
  static final int MAX_BYTES = 500 * 1024;

  /** GETs a robots.txt (its first {@link #MAX_BYTES}), failing with {@link StatusException} on a non-2xx answer. */
  interface Sender {
    Future<Fetch> send(URI uri);
  }

  private final MonitorConfig config;
  private final Predicate<URI> permitted;
  private final Sender sender;
  private final Map<String, Future<RobotsRules>> cache = new HashMap<>();
  private final Map<String, String> problems = new HashMap<>();

  /** @param permitted whether a redirect target may be requested (allowed host and port, not an own port) */
  Robots(MonitorConfig config, Predicate<URI> permitted, Sender sender) {
    this.config = config;
    this.permitted = permitted;
    this.sender = sender;
  }

  Future<RobotsRules> rules(URI page) {
    if (config.overridesRobots(page)) {
      return Future.succeededFuture(RobotsRules.allowAll());
    }
    String origin = Urls.origin(page);
    return cache.computeIfAbsent(origin, o -> load(o, URI.create(o + "/robots.txt"), 0));
  }

  /** Origins whose robots.txt could not be read, with why (so everything there was skipped). */
  Map<String, String> problems() {
    return Map.copyOf(problems);
  }

  private Future<RobotsRules> load(String origin, URI robots, int hops) {
    return sender.send(robots)
        .map(f -> RobotsRules.parse(content((Fetch.Ok) f), config.robotsToken()))
        .recover(e -> failed(origin, robots, hops, e));
  }

  private Future<RobotsRules> failed(String origin, URI robots, int hops, Throwable e) {
    if (e instanceof StatusException s && s.status() >= 300 && s.status() < 400 && s.location() != null
        && hops < SiteFetcher.MAX_REDIRECTS) {
      Optional<URI> next = Urls.resolve(robots.toString(), s.location()).flatMap(Urls::parse)
          .filter(permitted);
      return next.map(u -> load(origin, u, hops + 1)).orElseGet(() -> Future.succeededFuture(RobotsRules.allowAll()));
    }
    if (e instanceof StatusException s && s.status() >= 400 && s.status() < 500) {
      return Future.succeededFuture(RobotsRules.allowAll());
    }
    String why = Failures.of(robots.toString(), e).describe();
    log.warn("robots.txt of {} unreadable ({}): skipping the host for this run", origin, why);
    problems.put(origin, why);
    return Future.succeededFuture(RobotsRules.disallowAll());
  }

  private static byte[] content(Fetch.Ok ok) {
    byte[] bytes = ok.body().getBytes();
    return bytes.length <= MAX_BYTES ? bytes : Arrays.copyOf(bytes, MAX_BYTES);
  }
}
