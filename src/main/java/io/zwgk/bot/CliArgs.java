package io.zwgk.bot;

import io.zwgk.bot.stats.Periods;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value}, the flags of {@link #FLAGS} (no value), plus one positional
 * argument.
 */
record CliArgs(Map<String, String> options, Optional<String> positional) {
  /** Options that take no value. */
  static final Set<String> FLAGS = Set.of("--accept-new-units");

  static CliArgs parse(String[] args, int from) {
    Map<String, String> options = new HashMap<>();
    String positional = null;
    for (int i = from; i < args.length; i++) {
      if (FLAGS.contains(args[i])) {
        options.put(args[i], "true");
      } else if (args[i].startsWith("--")) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("选项 " + args[i] + " 缺少取值 (option needs a value)");
        }
        options.put(args[i], args[++i]);
      } else if (positional == null) {
        positional = args[i];
      } else {
        throw new IllegalArgumentException("多余的参数 (unexpected argument) " + args[i]);
      }
    }
    return new CliArgs(Map.copyOf(options), Optional.ofNullable(positional));
  }

  /** True when the flag was given. */
  boolean flag(String name) {
    return options.containsKey(name);
  }

  Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /**
   * The month of {@code --period}, read by {@link Periods#parse} like every {@code {period}} of the admin API.
   *
   * @throws IllegalArgumentException when it is missing or does not read ({@link Periods#MESSAGE})
   */
  YearMonth period() {
    return Periods.parse(option("--period")
        .orElseThrow(() -> new IllegalArgumentException("缺少 --period YYYY-MM (missing --period)")));
  }
}
