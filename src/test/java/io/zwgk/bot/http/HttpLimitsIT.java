package io.zwgk.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Real sockets against an {@link HttpVerticle} with short, test-set limits. */
class HttpLimitsIT {
  private final Vertx vertx = Vertx.vertx();
  private final List<Socket> sockets = new ArrayList<>();

  @AfterEach
  void stop() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    vertx.close().await();
  }

  private int deploy(HttpLimits limits) {
    return HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      router.get("/who").handler(rc -> rc.response().end("ok"));
      router.post("/echo").handler(BodyHandler.create()).handler(rc -> rc.response().end(rc.body().buffer()));
      router.get("/slow").handler(rc -> v.setTimer(1500, id -> rc.response().end("done")));
      return router;
    }, "127.0.0.1", 0, 1, limits).await().port();
  }

  private Socket connect(int port) throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
    s.setSoTimeout(10_000);
    sockets.add(s);
    return s;
  }

  /** Reads until the server closes the connection (true) or nothing arrives for the socket's timeout (false). */
  private static boolean closedByServer(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[1024];
    try {
      while (in.read(buf) >= 0) {
        // discard what arrives before the close
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  /** The bytes that arrived before the server closed the connection; -1 when it stayed open for the timeout. */
  private static int bytesUntilClosed(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    byte[] buf = new byte[1024];
    int total = 0;
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        total += n;
      }
      return total;
    } catch (SocketTimeoutException e) {
      return -1;
    } catch (IOException e) {
      return total; // reset by the server
    }
  }

  /** Sends a whole GET on {@code s} and reads its status line. */
  private static String get(Socket s) throws IOException {
    s.getOutputStream().write("GET /who HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] buf = new byte[256];
    int n = s.getInputStream().read(buf);
    return n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII).lines().findFirst().orElse("") : "";
  }

  @Test
  @DisplayName("a connection that sends half a request line is closed after the header timeout, long before the"
      + " idle timeout")
  void halfSentRequestIsClosed() throws IOException {
    int port = deploy(new HttpLimits(Duration.ofSeconds(60), Duration.ofMillis(300), 0));
    Socket s = connect(port);

    s.getOutputStream().write("GET /who HT".getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();

    assertThat(closedByServer(s)).as("closed by the server within the socket's 10 s read timeout").isTrue();
  }

  @Test
  @DisplayName("requests and closed connections never cancel another part's timer (Vert.x numbers timers from 0)")
  void otherTimersSurvive() throws Exception {
    java.util.concurrent.atomic.AtomicInteger ticks = new java.util.concurrent.atomic.AtomicInteger();
    long first = vertx.setPeriodic(50, id -> ticks.incrementAndGet());
    int port = deploy(new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(60), 0));
    for (int i = 0; i < 3; i++) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        s.setSoTimeout(10_000);
        assertThat(get(s)).isEqualTo("HTTP/1.1 200 OK");
      }
    }
    int before = ticks.get();

    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ticks.get() > before + 2);
    assertThat(first).as("the periodic timer is the first of this Vertx").isZero();
  }

  @Test
  @DisplayName("a request whose body stops arriving is closed after the idle timeout")
  void stalledBodyIsClosed() throws IOException {
    int port = deploy(new HttpLimits(Duration.ofMillis(300), Duration.ofSeconds(60), 0));
    Socket s = connect(port);

    s.getOutputStream().write(("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\n0123456789")
        .getBytes(StandardCharsets.US_ASCII));
    s.getOutputStream().flush();

    assertThat(closedByServer(s)).isTrue();
  }

  @Test
  @DisplayName("a request the server takes longer than the idle timeout to answer is answered, not cut off")
  void slowAnswerIsNotCut() throws IOException {
    int port = deploy(new HttpLimits(Duration.ofMillis(300), Duration.ofMillis(300), 0));
    Socket s = connect(port);

    s.getOutputStream().write("GET /slow HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    byte[] buf = new byte[256];
    int n = s.getInputStream().read(buf);

    assertThat(new String(buf, 0, Math.max(n, 0), StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 OK");
  }

  @Test
  @DisplayName("a kept-alive connection gets a new header deadline after each response")
  void keptAliveConnectionIsClosedWhenIdle() throws IOException {
    int port = deploy(new HttpLimits(Duration.ofSeconds(60), Duration.ofMillis(300), 0));
    Socket s = connect(port);

    assertThat(get(s)).isEqualTo("HTTP/1.1 200 OK");
    assertThat(closedByServer(s)).isTrue();
  }

  @Test
  @DisplayName("with a cap of N connections per address, connection N+1 is closed at once and the first N are served")
  void connectionsOverTheCapAreClosed() throws IOException {
    int port = deploy(new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(60), 3));
    List<Socket> admitted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Socket s = connect(port);
      assertThat(get(s)).isEqualTo("HTTP/1.1 200 OK");
      admitted.add(s);
    }

    Socket extra = connect(port);
    extra.getOutputStream().write("GET /who HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(bytesUntilClosed(extra)).as("the fourth connection is closed (not -1) without an answer (0)").isZero();

    for (Socket s : admitted) {
      assertThat(get(s)).isEqualTo("HTTP/1.1 200 OK");
    }
    admitted.get(0).close();
    Awaitility.await("a closed connection frees its place").atMost(Duration.ofSeconds(10))
        .until(() -> get(connect(port)).equals("HTTP/1.1 200 OK"));
  }
}
