package io.zwgk.bot.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What the HTTP server allows a client connection, so half-sent requests and connection floods cannot hold the server.
 *
 * @param idleTimeout a connection whose request body stops arriving for this long is closed; once a request is
 *     received no limit applies, so a long admin call (a site scan) is not cut off
 * @param headerTimeout a connection must deliver a request's headers within this long of opening or of the end of
 *     its previous response, else it is closed
 * @param maxConnectionsPerAddress connections open at once from one client address; more are closed at once; 0 = no
 *     limit
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, int maxConnectionsPerAddress) {
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
  static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
  /** The default of {@code ZWGK_HTTP_MAX_CONNECTIONS_PER_ADDRESS}. */
  static final int MAX_CONNECTIONS_PER_ADDRESS = 64;

  public HttpLimits {
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(headerTimeout, "headerTimeout");
    if (idleTimeout.toMillis() <= 0 || headerTimeout.toMillis() <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxConnectionsPerAddress < 0) {
      throw new IllegalArgumentException("maxConnectionsPerAddress must not be negative");
    }
  }

  /** 30 s idle, 10 s for the headers, and {@code maxConnectionsPerAddress}. */
  public static HttpLimits withMaxPerAddress(int maxConnectionsPerAddress) {
    return new HttpLimits(IDLE_TIMEOUT, HEADER_TIMEOUT, maxConnectionsPerAddress);
  }

  /** 30 s idle, 10 s for the headers, 64 connections per address. */
  public static HttpLimits defaults() {
    return withMaxPerAddress(MAX_CONNECTIONS_PER_ADDRESS);
  }
}
