package io.zwgk.bot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a data directory: {@code zwgk.lock} in it, locked by the operating system for as long as the
 * owning process lives (a killed owner's lock goes with it) and holding the owner's PID for the message a second
 * process prints. Blocking file I/O: call from {@code main} or a test set-up thread.
 */
final class DataDirLock implements AutoCloseable {
  static final String FILE = "zwgk.lock";

  /**
   * Directories this JVM holds. Checked before a second channel is opened on a held lock file: closing any channel on
   * a file may release every lock the process holds on it.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock on {@code dir} (which must exist and be writable) and writes this process's PID into it.
   *
   * @throws IllegalStateException naming the directory and the owner's PID when another live process holds it
   */
  static DataDirLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    Path key = dir.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      throw inUse(dir, String.valueOf(ProcessHandle.current().pid()));
    }
    FileChannel channel;
    try {
      channel = open(file);
    } catch (IllegalStateException e) {
      HELD.remove(key);
      throw e;
    }
    try {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw inUse(dir, owner(file));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      channel.force(false);
      return new DataDirLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      HELD.remove(key);
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Null when another process (or another channel of this one) holds the lock. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  private static FileChannel open(Path file) {
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  private static String owner(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return pid.matches("\\d{1,10}") ? pid : "?";
    } catch (IOException e) {
      return "?";
    }
  }

  private static IllegalStateException inUse(Path dir, String pid) {
    return new IllegalStateException("数据目录 " + dir.toAbsolutePath() + " 正被另一个 zwgk-bot 进程 (PID " + pid
        + ") 使用 (data directory in use by process " + pid + "): stop that process or set ZWGK_DATA_DIR to another"
        + " directory");
  }

  /** Releases the lock; the file stays (its PID is stale from then on, which the next owner overwrites). */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close below releases it too
    }
    closeQuietly(channel);
    HELD.remove(key);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }
}
