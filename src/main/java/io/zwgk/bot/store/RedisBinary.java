package io.zwgk.bot.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Locates a {@code redis-server} binary: on the PATH, else the one bundled in the embedded-redis artifact. */
final class RedisBinary {
  private RedisBinary() {
  }

  /** The binary to run; a bundled one is extracted to a temporary directory first. */
  static Path find() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return extractBundled();
  }

  private static Path extractBundled() {
    String resource = bundledResourceName();
    try (InputStream in = RedisLauncher.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("no redis-server on PATH and no bundled " + resource
            + "; install redis-server or set REDIS_URL");
      }
      Path dir = Files.createTempDirectory("zwgk-redis");
      Path binary = dir.resolve(resource);
      Files.copy(in, binary, StandardCopyOption.REPLACE_EXISTING);
      if (!binary.toFile().setExecutable(true, true)) {
        throw new IllegalStateException("cannot mark " + binary + " executable");
      }
      binary.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      return binary;
    } catch (IOException e) {
      throw new IllegalStateException("cannot extract bundled redis-server: " + e.getMessage(), e);
    }
  }

  private static String bundledResourceName() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      throw new IllegalStateException("no redis-server on PATH; the bundled binary is for Linux only: set REDIS_URL");
    }
    return arch.contains("aarch64") || arch.contains("arm64")
        ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
  }
}
