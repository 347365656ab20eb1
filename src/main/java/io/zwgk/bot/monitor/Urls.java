package io.zwgk.bot.monitor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Parsing and resolving the crawler's addresses. Pure. */
final class Urls {
  private Urls() {
  }

  /** An absolute http(s) address with a host; characters a URI does not allow (Chinese, spaces) are escaped. */
  static Optional<URI> parse(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      uri = escaped(url.strip()).orElse(null);
    }
    if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
      return Optional.empty();
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https") ? Optional.of(uri) : Optional.empty();
  }

  /** {@code location} resolved against {@code base}, as text. */
  static Optional<String> resolve(String base, String location) {
    return parse(base).flatMap(b -> {
      try {
        return Optional.of(b.resolve(location.strip()).toString());
      } catch (IllegalArgumentException e) {
        return escaped(location.strip()).map(l -> b.resolve(l).toString());
      }
    });
  }

  /** {@code scheme://host:port}, with the default port when none is given. */
  static String origin(URI uri) {
    int port = uri.getPort() >= 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
  }

  /** The path (at least {@code /}) and query as sent, for robots.txt matching. */
  static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static Optional<URI> escaped(String url) {
    try {
      int hash = url.indexOf('#');
      String noFragment = hash < 0 ? url : url.substring(0, hash);
      int q = noFragment.indexOf('?');
      String query = q < 0 ? null : noFragment.substring(q + 1);
      String rest = q < 0 ? noFragment : noFragment.substring(0, q);
      int colon = rest.indexOf("://");
      if (colon < 0) {
        return Optional.of(new URI(null, null, rest, query, null));
      }
      int slash = rest.indexOf('/', colon + 3);
      String authority = slash < 0 ? rest.substring(colon + 3) : rest.substring(colon + 3, slash);
      String path = slash < 0 ? "" : rest.substring(slash);
      return Optional.of(new URI(rest.substring(0, colon), authority, path, query, null));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
