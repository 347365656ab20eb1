package io.zwgk.bot.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The origins (scheme, host, port) a reply URL that arrived inside a message may point to: a DingTalk
 * {@code sessionWebhook} or a WeCom {@code response_url} is POSTed to only when its origin is the platform's own (or
 * that of the configured API base, e.g. a test double or a government edition's host). Anything else is never
 * fetched: a forged callback must not make the service send requests to hosts of the sender's choosing.
 */
public final class ReplyOrigins {
  private final Set<String> allowed;

  private ReplyOrigins(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** The origins of {@code urls}; a URL that is not an absolute http(s) URL contributes nothing. */
  public static ReplyOrigins of(List<String> urls) {
    return new ReplyOrigins(urls.stream().map(ReplyOrigins::origin).flatMap(Optional::stream)
        .collect(Collectors.toSet()));
  }

  /**
   * Whether {@code url} is an absolute http(s) URL without user info whose origin is one of these. Default ports
   * are made explicit, host names compared without case.
   */
  public boolean allows(String url) {
    return url != null && origin(url).map(allowed::contains).orElse(false);
  }

  /** {@code scheme://host:port} of {@code url}, or empty when it is not an absolute http(s) URL without user info. */
  static Optional<String> origin(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
        || uri.getRawAuthority() == null || uri.getRawAuthority().contains("@")) {
      return Optional.empty();
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
  }

  /** For logs: the origin of {@code url}, or a note that it is not a usable URL (never the path or query). */
  public static String describe(String url) {
    return origin(url).orElse("(not an absolute http(s) URL)");
  }

  @Override
  public String toString() {
    return "ReplyOrigins" + allowed.stream().sorted().toList();
  }
}
