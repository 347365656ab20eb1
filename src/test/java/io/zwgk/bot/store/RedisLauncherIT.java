package io.zwgk.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedisLauncherIT {
  @TempDir
  Path temp;

  /** A directory this process cannot create files in: read-only for a normal user; /proc for root. */
  private Path unwritableDir() throws IOException {
    if ("root".equals(System.getProperty("user.name"))) {
      return Path.of("/proc");
    }
    Path dir = Files.createDirectories(temp.resolve("read-only"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    return dir;
  }

  @Test
  @DisplayName("an unwritable data directory is named as such before any redis-server starts")
  void unwritableDataDir() throws IOException {
    Path dir = unwritableDir();

    assertThatThrownBy(() -> RedisLauncher.start(Optional.of(dir)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("data directory not writable")
        .hasMessageContaining(dir.toAbsolutePath().toString())
        .hasMessageNotContaining("exited with code");
  }

  @Test
  @DisplayName("in one JVM, a second launcher on a data directory in use fails naming the owner's PID; the first server lives"
      + " on (two processes: StartupFailureIT)")
  void secondLauncherOnSameDir() throws IOException {
    Path dir = temp.resolve("data");
    try (RedisLauncher first = RedisLauncher.start(Optional.of(dir))) {
      assertThatThrownBy(() -> RedisLauncher.start(Optional.of(dir)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("PID " + ProcessHandle.current().pid())
          .hasMessageContaining(dir.toAbsolutePath().toString());

      assertThat(RedisLauncher.runningFor(dir)).contains(first.uri());
      assertThat(first.process().isAlive()).isTrue();
    }
  }

  @Test
  @DisplayName("a lock file left by a dead owner does not stop a start; the new owner writes its own PID")
  void staleLockFile() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("data"));
    Files.writeString(dir.resolve(DataDirLock.FILE), "999999\n");

    try (RedisLauncher launcher = RedisLauncher.start(Optional.of(dir))) {
      assertThat(Files.readString(dir.resolve(DataDirLock.FILE)).strip())
          .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }
    try (RedisLauncher again = RedisLauncher.start(Optional.of(dir))) {
      assertThat(again.process().isAlive()).as("closing gave the directory up").isTrue();
    }
  }
}
