package io.zwgk.bot.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zwgk.bot.ops.Metrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /metrics}: the Prometheus text exposition, open by default or behind
 * {@code Authorization: Bearer <ZWGK_METRICS_TOKEN>}. Also counts the platform callbacks ({@code /hooks/{platform}…})
 * refused before any message was claimed: 401/403 as a bad signature, 400 as malformed, 413 as too large. Accepted
 * and duplicate messages are counted where they are claimed.
 */
public final class MetricsRoutes {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private MetricsRoutes() {
  }

  /** Mounts {@code GET /metrics}; with a token, a request without the matching bearer token gets 401. */
  public static void mount(Router router, Metrics metrics, Optional<String> token) {
    Optional<byte[]> expected = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    router.get("/metrics").handler(rc -> {
      if (expected.isPresent() && !authorized(rc, expected.get())) {
        rc.fail(new ApiException(401, "缺少或错误的监控令牌 (missing or wrong metrics token)"));
        return;
      }
      rc.response().putHeader("content-type", CONTENT_TYPE).end(metrics.scrape());
    });
  }

  /**
   * Counts refused callbacks of the named platforms. Mount it before the platforms' routes: it only watches how each
   * {@code /hooks/} request ends.
   */
  public static void countRejections(Router router, Metrics metrics, Set<String> platforms) {
    router.route("/hooks/*").handler(rc -> {
      String platform = platformOf(rc.normalizedPath());
      if (platforms.contains(platform)) {
        rc.addEndHandler(v -> rejection(rc.response().getStatusCode())
            .ifPresent(outcome -> metrics.inbound(platform, outcome)));
      }
      rc.next();
    });
  }

  static Optional<Metrics.Inbound> rejection(int status) {
    return switch (status) {
      case 401, 403 -> Optional.of(Metrics.Inbound.REJECTED_SIGNATURE);
      case 400 -> Optional.of(Metrics.Inbound.MALFORMED);
      case 413 -> Optional.of(Metrics.Inbound.TOO_LARGE);
      default -> Optional.empty();
    };
  }

  private static String platformOf(String path) {
    String rest = path.substring("/hooks/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static boolean authorized(RoutingContext rc, byte[] expected) {
    String header = rc.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(header.substring(7).strip().getBytes(StandardCharsets.UTF_8), expected);
  }
}
