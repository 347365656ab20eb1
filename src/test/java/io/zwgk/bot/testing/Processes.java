package io.zwgk.bot.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Killing processes the way a crash would (SIGKILL), for fault drills. */
public final class Processes {
  private static final Pattern PROCESS_ID = Pattern.compile("process_id:(\\d+)");

  private Processes() {
  }

  /**
   * Kills the {@code redis-server} listening on loopback {@code port} with SIGKILL (it names its own pid in
   * {@code INFO server}) and waits until it is gone.
   *
   * @throws AssertionError when no server answers there or it survives
   */
  public static void killRedisOn(int port) {
    long pid = redisPid(port);
    ProcessHandle server = ProcessHandle.of(pid)
        .orElseThrow(() -> new AssertionError("redis-server pid " + pid + " not found"));
    server.destroyForcibly();
    try {
      server.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("redis-server on port " + port + " survived SIGKILL", e);
    }
  }

  private static long redisPid(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout(2000);
      s.getOutputStream().write("INFO server\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      StringBuilder text = new StringBuilder();
      byte[] buf = new byte[4096];
      for (int n = in.read(buf); n > 0; n = in.read(buf)) {
        text.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
        Matcher m = PROCESS_ID.matcher(text);
        if (m.find() && text.indexOf("\r\n", m.end()) >= 0) {
          return Long.parseLong(m.group(1));
        }
      }
      throw new AssertionError("redis on port " + port + " did not name its process id");
    } catch (IOException e) {
      throw new AssertionError("no redis-server answers on port " + port, e);
    }
  }
}
