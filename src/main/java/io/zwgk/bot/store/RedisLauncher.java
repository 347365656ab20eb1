package io.zwgk.bot.store;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a local {@code redis-server} child process on a free loopback port: {@code redis-server} from the PATH, else
 * the Linux binary bundled in the {@code embedded-redis} artifact. Used by the service when no {@code REDIS_URL} is
 * set and by the test suite. With a data directory the launcher holds that directory's {@link DataDirLock} until
 * {@link #close()}, so a second service cannot start on the same files. {@link RedisSupervisorVerticle} restarts the
 * server when it dies. Blocking by nature: call it from {@code main}, a test set-up thread or {@code executeBlocking},
 * never from an event loop.
 */
public final class RedisLauncher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisLauncher.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  static final String PORT_FILE = "redis.port";
  static final String LOG_FILE = "redis-server.log";

  private final Path binary;
  private final int port;
  private final Optional<Path> dataDir;
  private final Optional<DataDirLock> lock;
  private volatile Process process;
  private boolean closed;

  private RedisLauncher(Path binary, Process process, int port, Optional<Path> dataDir, Optional<DataDirLock> lock) {
    this.binary = binary;
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.lock = lock;
  }

  /**
   * The URI of a server a running service already supervises for {@code dataDir}, so a command-line tool uses it
   * instead of starting a second server on the same files.
   */
  public static Optional<String> runningFor(Path dataDir) {
    Path file = dataDir.resolve(PORT_FILE);
    try {
      int port = Integer.parseInt(Files.readString(file).strip());
      return ping(port) ? Optional.of("redis://127.0.0.1:" + port) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Starts a server. With {@code dataDir} present it persists there with AOF; without, it keeps nothing on disk.
   *
   * @throws IllegalStateException when the data directory is not writable or another live process holds it, no
   *     binary can be found, or the server does not answer PING in time
   */
  public static RedisLauncher start(Optional<Path> dataDir) {
    Optional<DataDirLock> lock = dataDir.map(RedisLauncher::claim);
    try {
      dataDir.ifPresent(RedisLauncher::stopOrphan);
      Path binary = RedisBinary.find();
      IllegalStateException last = null;
      for (int attempt = 0; attempt < 3; attempt++) {
        int port = freePort();
        try {
          return new RedisLauncher(binary, launch(binary, port, dataDir), port, dataDir, lock);
        } catch (IllegalStateException e) {
          last = e;
          log.warn("local redis-server did not start on port {}, retrying: {}", port, e.getMessage());
        }
      }
      throw last;
    } catch (RuntimeException e) {
      lock.ifPresent(DataDirLock::close);
      throw e;
    }
  }

  /** Starts a server on a given port, e.g. to bring back a server that was stopped. */
  public static RedisLauncher startOn(int port, Optional<Path> dataDir) {
    Optional<DataDirLock> lock = dataDir.map(RedisLauncher::claim);
    try {
      Path binary = RedisBinary.find();
      return new RedisLauncher(binary, launch(binary, port, dataDir), port, dataDir, lock);
    } catch (RuntimeException e) {
      lock.ifPresent(DataDirLock::close);
      throw e;
    }
  }

  /**
   * The data directory made ready for this process alone: created, checked writable (redis-server itself would only
   * exit with code 1), and locked against a second service on the same files.
   */
  private static DataDirLock claim(Path dir) {
    createDirectories(dir);
    checkWritable(dir);
    return DataDirLock.acquire(dir);
  }

  /** The current server process; a new one after each {@link #relaunch()}. */
  Process process() {
    return process;
  }

  /** Whether {@link #close()} was called: an exit from then on is our own doing. */
  synchronized boolean closed() {
    return closed;
  }

  /**
   * Starts a new server on the same port and files after the previous one exited, and waits until it answers PING.
   * Blocking: call through {@code executeBlocking}.
   *
   * @throws IllegalStateException when closed, or when the new server does not come up
   */
  Process relaunch() {
    Process started;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("redis launcher closed");
      }
      started = spawn(binary, port, dataDir);
      process = started;
    }
    awaitPing(started, port, dataDir);
    writePortFile(started, port, dataDir);
    return started;
  }

  /** The loopback URI of the running server. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the server (it writes its AOF first) and gives the data directory up. Idempotent. */
  @Override
  public void close() {
    Process current;
    synchronized (this) {
      closed = true;
      current = process;
    }
    dataDir.ifPresent(dir -> dir.resolve(PORT_FILE).toFile().delete());
    current.destroy();
    try {
      if (!current.waitFor(10, TimeUnit.SECONDS)) { // blocking-ok: shutdown hook / test teardown thread
        current.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      current.destroyForcibly();
    }
    lock.ifPresent(DataDirLock::close);
  }

  private static Process launch(Path binary, int port, Optional<Path> dataDir) {
    Process process = spawn(binary, port, dataDir);
    awaitPing(process, port, dataDir);
    writePortFile(process, port, dataDir);
    log.info("local redis-server started on 127.0.0.1:{} ({})", port,
        dataDir.map(d -> "AOF in " + d.toAbsolutePath()).orElse("no persistence"));
    return process;
  }

  /** Starts the process without waiting for it; its output goes to {@link #LOG_FILE} in the data directory. */
  private static Process spawn(Path binary, int port, Optional<Path> dataDir) {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--port", String.valueOf(port),
        "--bind", "127.0.0.1", "--protected-mode", "yes", "--save", "", "--daemonize", "no"));
    if (dataDir.isPresent()) {
      cmd.addAll(List.of("--dir", dataDir.get().toAbsolutePath().toString(), "--appendonly", "yes",
          "--appendfsync", "everysec"));
    } else {
      cmd.addAll(List.of("--appendonly", "no"));
    }
    ProcessBuilder.Redirect output = dataDir.map(d -> ProcessBuilder.Redirect.appendTo(d.resolve(LOG_FILE).toFile()))
        .orElse(ProcessBuilder.Redirect.DISCARD);
    try {
      return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + binary + ": " + e.getMessage(), e);
    }
  }

  /**
   * A server left running on {@code dataDir} by a service that was killed would share its files with the new one:
   * ask it to shut down (it flushes its AOF first) before starting another.
   */
  private static void stopOrphan(Path dataDir) {
    Optional<String> orphan = runningFor(dataDir);
    if (orphan.isEmpty()) {
      return;
    }
    int port = Integer.parseInt(orphan.get().substring(orphan.get().lastIndexOf(':') + 1));
    log.warn("a redis-server from an earlier run still serves {} on port {}: shutting it down", dataDir, port);
    send(port, "SHUTDOWN\r\n");
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (ping(port) && Instant.now().isBefore(deadline)) {
      sleepQuietly();
    }
  }

  private static void awaitPing(Process process, int port, Optional<Path> dataDir) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with code " + process.exitValue()
            + dataDir.map(RedisLauncher::lastLogLine).orElse(""));
      }
      if (ping(port)) {
        return;
      }
      sleepQuietly();
    }
    process.destroyForcibly();
    throw new IllegalStateException("redis-server did not answer PING within " + START_TIMEOUT.toSeconds() + " s");
  }

  private static boolean ping(int port) {
    return send(port, "PING\r\n").startsWith("+PONG");
  }

  /** Sends one inline command to a loopback server and returns the first bytes of the answer, or "" on failure. */
  private static String send(int port, String command) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write(command.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buf = new byte[64];
      int n = s.getInputStream().read(buf);
      return n > 0 ? new String(buf, 0, n, StandardCharsets.US_ASCII) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(50); // blocking-ok: start-up thread, polling a child process
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
    }
  }

  private static void writePortFile(Process process, int port, Optional<Path> dataDir) {
    if (dataDir.isEmpty()) {
      return;
    }
    try {
      Files.writeString(dataDir.get().resolve(PORT_FILE), String.valueOf(port));
    } catch (IOException e) {
      process.destroyForcibly();
      throw new IllegalStateException("cannot write " + PORT_FILE + " in " + dataDir.get() + ": " + e.getMessage(), e);
    }
  }

  /** ": " and the last line redis-server wrote to its log (it says why it stopped), or "" when there is none. */
  private static String lastLogLine(Path dir) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(LOG_FILE), StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "";
    }
  }

  /** Fails naming the directory (or the AOF file in it) that this process may not write to. */
  private static void checkWritable(Path dir) {
    try {
      Files.delete(Files.createTempFile(dir, ".write-check-", ".tmp"));
    } catch (IOException e) {
      throw notWritable(dir);
    }
    for (String aof : List.of("appendonly.aof", "appendonlydir")) {
      Path file = dir.resolve(aof);
      if (Files.exists(file) && !Files.isWritable(file)) {
        throw notWritable(file);
      }
    }
  }

  private static IllegalStateException notWritable(Path path) {
    return new IllegalStateException("数据目录不可写 (data directory not writable): " + path.toAbsolutePath()
        + " — fix its permissions or set ZWGK_DATA_DIR to a writable directory");
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create data directory " + dir + ": " + e.getMessage(), e);
    }
  }
}
