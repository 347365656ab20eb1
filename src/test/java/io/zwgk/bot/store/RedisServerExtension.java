package io.zwgk.bot.store;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real {@code redis-server} for the whole test run on a free loopback port (from PATH, else the binary
 * bundled in embedded-redis), without persistence, and stops it when the run ends. It never reads REDIS_URL and never
 * connects to 6379, so a Redis the developer runs is left alone. It fails loudly instead of skipping.
 */
public final class RedisServerExtension implements BeforeAllCallback {
  private static RedisLauncher server;

  @Override
  public void beforeAll(ExtensionContext context) {
    uri();
  }

  /** The URI of the suite's server, starting it on first use. */
  public static synchronized String uri() {
    if (server == null) {
      server = RedisLauncher.start(Optional.empty());
      Runtime.getRuntime().addShutdownHook(new Thread(RedisServerExtension::stop, "test-redis-stop"));
    }
    return server.uri();
  }

  /** Kills the server (for outage drills); {@link #restart()} brings it back on the same port. */
  public static synchronized void stop() {
    server.close();
  }

  public static synchronized void restart() {
    server = RedisLauncher.startOn(server.port(), Optional.empty());
  }
}
