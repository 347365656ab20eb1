package io.zwgk.bot.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A copy of the repository's bot-config whose office.yaml lists the given staff, for tests of office-only flows. */
public final class StaffConfig {
  private StaffConfig() {
  }

  /** Copies bot-config into {@code target} and lists each of {@code userIds} on {@code platform} as office staff. */
  public static Path write(Path target, String platform, String... userIds) throws IOException {
    Path source = Path.of("bot-config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    }
    String staff = Stream.of(userIds).map(id -> "  - platform: " + platform + "\n    userId: \"" + id
        + "\"\n    name: 工作人员" + id + "\n").collect(Collectors.joining());
    Files.writeString(target.resolve("office.yaml"), "staff:\n" + staff);
    return target;
  }
}
