package io.zwgk.bot.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enforces {@link HttpLimits} on the connections of one {@link HttpVerticle}: the per-address cap (counted in a map
 * the instances of a deployment share), the header deadline (a Vert.x timer per connection, armed while no request is
 * in progress) and the idle timeout of a request body still arriving. Except for the shared counts, call on the
 * owning verticle's context only.
 */
final class ConnectionGuard {
  private static final Logger log = LoggerFactory.getLogger(ConnectionGuard.class);
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  /** Open connections per client address, shared by every instance of one deployment. */
  static final class AddressCounts {
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
    /** When a refusal was last logged, so a flood of connections does not flood the log too. */
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    /** Whether a refusal may be logged now: at most one per {@link #WARNING_INTERVAL_NANOS}. */
    boolean mayWarn() {
      long now = System.nanoTime();
      long last = lastWarning.get(); // blocking-ok: an AtomicLong read, not a future
      return now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now);
    }

    /** Counts a new connection; false (and not counted) when {@code address} already has {@code max} open. */
    boolean admit(String address, int max) {
      int count = open.merge(address, 1, Integer::sum);
      if (max > 0 && count > max) {
        release(address);
        return false;
      }
      return true;
    }

    void release(String address) {
      open.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
    }
  }

  /** No timer: Vert.x numbers timers from 0, so 0 is a real timer of someone else's. */
  private static final long NONE = -1;

  /** One admitted connection: requests in progress and the pending header and body timers ({@link #NONE}). */
  private static final class Tracked {
    int inProgress;
    long headerTimer = NONE;
    long bodyTimer = NONE;
  }

  /** Marks a connection over the cap until it is closed, so a request already read on it is not served. */
  private static final Tracked REFUSED = new Tracked();

  private final Vertx vertx;
  private final HttpLimits limits;
  private final AddressCounts counts;
  private final Map<HttpConnection, Tracked> connections = new HashMap<>();

  ConnectionGuard(Vertx vertx, HttpLimits limits, AddressCounts counts) {
    this.vertx = vertx;
    this.limits = limits;
    this.counts = counts;
  }

  /** The server's connection handler: closes a connection over the address's cap, else arms its header timer. */
  void opened(HttpConnection connection) {
    String address = connection.remoteAddress().hostAddress();
    if (!counts.admit(address, limits.maxConnectionsPerAddress())) {
      if (counts.mayWarn()) {
        log.warn("closing a connection from {}: {} connections from that address are open already"
            + " (ZWGK_HTTP_MAX_CONNECTIONS_PER_ADDRESS; at most one such line per 10 s)", address,
            limits.maxConnectionsPerAddress());
      }
      connections.put(connection, REFUSED);
      connection.closeHandler(v -> connections.remove(connection));
      connection.close();
      return;
    }
    Tracked tracked = new Tracked();
    connections.put(connection, tracked);
    connection.closeHandler(v -> {
      Tracked gone = connections.remove(connection);
      if (gone != null) {
        cancel(gone.headerTimer);
        cancel(gone.bodyTimer);
      }
      counts.release(address);
    });
    armHeaderTimer(connection, tracked);
  }

  /**
   * The router's first handler: the headers arrived, so the deadline is off until the response ends. A request on a
   * connection that was refused ends here with the connection; one on a connection this guard never saw (h2c, were it
   * switched on, replaces the connection object) is served without the header deadline.
   */
  void onRequest(RoutingContext rc) {
    HttpConnection connection = rc.request().connection();
    Tracked tracked = connections.get(connection);
    if (tracked == REFUSED) {
      connection.close();
      return;
    }
    if (tracked == null) {
      rc.next();
      return;
    }
    tracked.inProgress++;
    cancel(tracked.headerTimer);
    tracked.headerTimer = NONE;
    watchBody(connection, tracked, rc.request(), -1);
    rc.addEndHandler(ar -> {
      tracked.inProgress--;
      cancel(tracked.bodyTimer);
      tracked.bodyTimer = NONE;
      if (tracked.inProgress == 0 && connections.get(connection) == tracked) {
        armHeaderTimer(connection, tracked);
      }
    });
    rc.next();
  }

  /**
   * While the request's body is still arriving, closes the connection when no byte of it came for the idle timeout.
   * Once the request is received nothing is timed: the server's own work (a site scan) may take minutes.
   */
  private void watchBody(HttpConnection connection, Tracked tracked, HttpServerRequest request, long bytesBefore) {
    if (request.isEnded()) {
      return;
    }
    tracked.bodyTimer = vertx.setTimer(limits.idleTimeout().toMillis(), id -> {
      if (tracked.bodyTimer != id || request.isEnded()) {
        return;
      }
      long bytes = request.bytesRead();
      if (bytes == bytesBefore) {
        log.debug("closing a connection from {}: its request body stalled for {} ms", connection.remoteAddress(),
            limits.idleTimeout().toMillis());
        connection.close();
      } else {
        watchBody(connection, tracked, request, bytes);
      }
    });
  }

  private void cancel(long timer) {
    if (timer != NONE) {
      vertx.cancelTimer(timer);
    }
  }

  private void armHeaderTimer(HttpConnection connection, Tracked tracked) {
    tracked.headerTimer = vertx.setTimer(limits.headerTimeout().toMillis(), id -> {
      if (tracked.headerTimer == id && tracked.inProgress == 0) {
        log.debug("closing a connection from {}: no request headers within {} ms", connection.remoteAddress(),
            limits.headerTimeout().toMillis());
        connection.close();
      }
    });
  }
}
