package io.zwgk.bot.readme;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ```sh} block of the README as printed, in order, in one bash, in a fresh folder holding only the
 * built jar (as {@code target/zwgk-bot.jar}) and a copy of {@code bot-config/}: the way a new user copies them. A
 * block fails the test when a command in it fails ({@code set -e}, curl with {@code --fail-with-body}); a block
 * followed by a {@code ```text} block must print exactly that text. Blocks whose fence says {@code sh no-run} (the
 * set-up commands, which run this suite, and the Docker ones: there is no Docker engine in CI) are not run.
 */
class ReadmeExamplesIT {
  private static final String MARK = "@@zwgk-readme-block ";
  private static final int README_PORT = 8080;

  /** One runnable block and the output the README shows for it, if any. */
  record Example(int line, String script, Optional<String> output) {
  }

  /** The runnable {@code ```sh} blocks of {@code readme}, each with the {@code ```text} block that follows it. */
  static List<Example> examples(List<String> readme) {
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < readme.size(); i++) {
      String fence = readme.get(i).strip();
      if (!fence.startsWith("```")) {
        continue;
      }
      int end = closing(readme, i);
      if (fence.equals("```sh")) {
        int next = end + 1;
        while (next < readme.size() && readme.get(next).isBlank()) {
          next++;
        }
        Optional<String> output = Optional.empty();
        if (next < readme.size() && readme.get(next).strip().equals("```text")) {
          int outputEnd = closing(readme, next);
          output = Optional.of(String.join("\n", readme.subList(next + 1, outputEnd)));
        }
        examples.add(new Example(i + 1, String.join("\n", readme.subList(i + 1, end)), output));
      }
      i = end;
    }
    return examples;
  }

  private static int closing(List<String> readme, int open) {
    for (int j = open + 1; j < readme.size(); j++) {
      if (readme.get(j).strip().equals("```")) {
        return j;
      }
    }
    throw new AssertionError("README line " + (open + 1) + ": code block never closed");
  }

  @Test
  @DisplayName("every shell example of the README runs as printed, and prints the sample output shown under it")
  void everyExampleRunsAsPrinted(@TempDir Path dir) throws Exception {
    List<Example> examples = examples(Files.readAllLines(Path.of("README.md"), UTF_8));
    assertThat(examples).as("runnable examples").hasSizeGreaterThanOrEqualTo(4);
    prepare(dir);
    // On the way out, however it ends, the service the examples started in the background is stopped (SIGTERM: it
    // stops its own redis-server) and waited for.
    StringBuilder script = new StringBuilder("set -eo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null; wait' EXIT\n");
    for (int i = 0; i < examples.size(); i++) {
      script.append("printf '\\n").append(MARK).append(i).append("\\n'\n").append(examples.get(i).script())
          .append('\n');
    }
    script.append("printf '\\n").append(MARK).append("end\\n'\n");

    ProcessBuilder bash = new ProcessBuilder("bash", "-c", script.toString()).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile());
    environment(bash.environment());
    Process process = bash.start();
    try {
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the examples finish within 5 minutes (stdout so far:%n%s)",
          Files.readString(dir.resolve("stdout.txt"), UTF_8)).isTrue();
    } finally {
      stopEverything(process);
    }
    String stdout = Files.readString(dir.resolve("stdout.txt"), UTF_8);

    String stderr = Files.readString(dir.resolve("stderr.txt"), UTF_8);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "readme-examples.log"), stdout + "\n--- stderr\n" + stderr + "\n--- service log\n"
        + log(dir), UTF_8);
    List<String> parts = List.of(stdout.split("(?m)^" + MARK, -1));
    SoftAssertions outputs = new SoftAssertions();
    for (int i = 0; i < examples.size(); i++) {
      Example example = examples.get(i);
      String prefix = i + "\n";
      Optional<String> printed = parts.stream().filter(p -> p.startsWith(prefix)).findFirst()
          .map(p -> p.substring(prefix.length()));
      assertThat(printed).as("README line %d ran (stderr:%n%s%nservice log:%n%s)", example.line(), tail(stderr),
          log(dir)).isPresent();
      if (example.output().isPresent()) {
        outputs.assertThat(printed.orElseThrow().stripTrailing()).as("output of the example at README line %d",
            example.line()).isEqualTo(example.output().orElseThrow().stripTrailing());
      }
    }
    outputs.assertAll();
    assertThat(parts).as("every example succeeded (stderr:%n%s%nservice log:%n%s)", tail(stderr), log(dir))
        .anyMatch(p -> p.startsWith("end"));
    assertThat(process.exitValue()).isZero();
  }

  /** The jar where the README says it is, and the office's configuration. */
  private static void prepare(Path dir) throws IOException {
    Path jar = Path.of("target", "zwgk-bot.jar").toAbsolutePath();
    assertThat(jar).as("built by the package phase").exists();
    Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(dir.resolve("target").resolve("zwgk-bot.jar"), jar);
    Path source = Path.of("bot-config");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path from : files.toList()) {
        Path to = dir.resolve("bot-config").resolve(source.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  /** A user's shell: PATH (with this JVM's java first), HOME, a UTF-8 locale; none of the service's variables. */
  private static void environment(Map<String, String> env) throws IOException {
    Map<String, String> keep = new HashMap<>();
    for (String name : List.of("PATH", "HOME", "TMPDIR")) {
      Optional.ofNullable(System.getenv(name)).ifPresent(v -> keep.put(name, v));
    }
    env.clear();
    env.putAll(keep);
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + keep.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("LANG", "C.UTF-8");
    try (ServerSocket probe = new ServerSocket(README_PORT)) {
      probe.setReuseAddress(true);
    } catch (IOException busy) {
      throw new AssertionError("port " + README_PORT + ", which the README's examples use, is taken on this machine");
    }
  }

  /** Stops whatever is still running after a timeout. */
  private static void stopEverything(Process bash) throws InterruptedException {
    List<ProcessHandle> children = bash.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    for (ProcessHandle child : children) {
      child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> {
        child.destroyForcibly();
        return child;
      }).join();
    }
    bash.destroyForcibly();
    bash.waitFor(10, TimeUnit.SECONDS);
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  private static String log(Path dir) {
    try {
      Path log = dir.resolve("zwgk.log");
      return Files.exists(log) ? tail(Files.readString(log, UTF_8)) : "(none)";
    } catch (IOException e) {
      return e.toString();
    }
  }
}
