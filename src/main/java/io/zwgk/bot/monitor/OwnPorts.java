package io.zwgk.bot.monitor;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ports of this service's own Redis and HTTP server: the crawler never requests them, on any host, whatever
 * allowedHosts says. The HTTP port is added once the server listens (it may be chosen at start). Thread-safe.
 */
public final class OwnPorts {
  private final Set<Integer> ports = ConcurrentHashMap.newKeySet();

  /** @param ports the ports known at wiring time; 0 and negative values (none, any free port) are ignored */
  public OwnPorts(int... ports) {
    for (int port : ports) {
      add(port);
    }
  }

  /** No own ports (tests, the CLI). */
  public static OwnPorts none() {
    return new OwnPorts();
  }

  /** Adds a port once it is known, e.g. the HTTP port actually bound. */
  public void add(int port) {
    if (port > 0 && port <= 65535) {
      ports.add(port);
    }
  }

  boolean contains(int port) {
    return ports.contains(port);
  }

  @Override
  public String toString() {
    return "OwnPorts" + ports;
  }
}
