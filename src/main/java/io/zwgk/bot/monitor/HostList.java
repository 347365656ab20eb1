package io.zwgk.bot.monitor;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The {@code allowedHosts} rule: an entry {@code host} allows that host on its default ports (80 and 443) only; an
 * entry {@code host:port} allows that one port. Pure.
 */
final class HostList {
  /** An entry as written: a host name or IPv4 address, optionally {@code :port}. */
  static final String ENTRY = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?";

  private HostList() {
  }

  /** Whether the entries allow this address's host and port. */
  static boolean allows(List<String> entries, URI uri) {
    if (uri == null || uri.getHost() == null) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = port(uri);
    return entries.contains(host + ":" + port) || (port == 80 || port == 443) && entries.contains(host);
  }

  /** Whether some entry names this host, with or without a port. */
  static boolean names(List<String> entries, String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return entries.stream().anyMatch(e -> e.equals(h) || e.startsWith(h + ":"));
  }

  /** The port the address connects to: its own, else 443 for https and 80 for http. */
  static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The port of an entry ({@code host:port}), 0 when it names none; -1 when out of range. */
  static int entryPort(String entry) {
    int colon = entry.indexOf(':');
    if (colon < 0) {
      return 0;
    }
    int port = Integer.parseInt(entry.substring(colon + 1));
    return port >= 1 && port <= 65535 ? port : -1;
  }
}
