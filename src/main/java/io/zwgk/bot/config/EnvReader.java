package io.zwgk.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads typed values from an environment map. Unset or blank variables take their documented default; a bad value is
 * recorded in {@link #errors()} and the default is returned so that every variable gets checked.
 */
final class EnvReader {
  private static final Pattern URL_CREDENTIALS = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^@/]*@");
  private static final Set<String> REDIS_SCHEMES = Set.of("redis", "rediss", "redis-socket", "redis-sentinel");

  private final Map<String, String> env;
  private final List<EnvVar> documentation;
  private final ConfigErrors errors = new ConfigErrors();

  EnvReader(Map<String, String> env, List<EnvVar> documentation) {
    this.env = env;
    this.documentation = documentation;
  }

  ConfigErrors errors() {
    return errors;
  }

  String text(String name) {
    String fallback = documentedDefault(name);
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  Optional<String> optionalText(String name) {
    String value = text(name);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  Optional<Secret> secret(String name) {
    return optionalText(name).map(Secret::new);
  }

  int port(String name) {
    return parsed(name, "not a port number", value -> {
      int port = Integer.parseInt(value);
      return port >= 0 && port <= 65535 ? port : null;
    });
  }

  int nonNegativeInt(String name, int max) {
    return parsed(name, "not a whole number from 0 to " + max, value -> {
      int n = Integer.parseInt(value);
      return n >= 0 && n <= max ? n : null;
    });
  }

  long positiveMillis(String name, long max, String why) {
    return parsed(name, "not a number of milliseconds from 1 to " + max + " (" + why + ")", value -> {
      long millis = Long.parseLong(value);
      return millis > 0 && millis <= max ? millis : null;
    });
  }

  boolean flag(String name) {
    return parsed(name, "not a boolean (use true/false, 1/0 or yes/no)", value ->
        switch (value.toLowerCase(Locale.ROOT)) {
          case "true", "1", "yes" -> true;
          case "false", "0", "no" -> false;
          default -> null;
        });
  }

  Path path(String name) {
    return parsed(name, "not a valid path", Path::of);
  }

  ZoneId zone(String name) {
    return parsed(name, "unknown time zone", ZoneId::of);
  }

  String httpUrl(String name) {
    return optionalHttpUrl(name).orElseGet(() -> documentedDefault(name));
  }

  Optional<String> optionalHttpUrl(String name) {
    Optional<String> value = optionalText(name);
    if (value.isEmpty()) {
      return value;
    }
    Optional<URI> uri = parse(value.get());
    boolean ok = uri.isPresent() && uri.get().getHost() != null
        && Set.of("http", "https").contains(uri.get().getScheme().toLowerCase(Locale.ROOT));
    if (!ok) {
      errors.add(name, "not an http(s) URL: " + quoted(redactCredentials(value.get())));
      return Optional.empty();
    }
    return Optional.of(value.get().replaceAll("/+$", ""));
  }

  Optional<String> optionalRedisUrl(String name) {
    Optional<String> value = optionalText(name);
    if (value.isPresent()) {
      Optional<URI> uri = parse(value.get());
      if (uri.isEmpty() || !REDIS_SCHEMES.contains(uri.get().getScheme().toLowerCase(Locale.ROOT))) {
        errors.add(name, "not a redis:// or rediss:// URL: " + quoted(redactCredentials(value.get())));
        return Optional.empty();
      }
    }
    return value;
  }

  /** Replaces the user-info part of a URL ({@code redis://user:pass@host}) with {@code ******}. */
  static String redactCredentials(String url) {
    return URL_CREDENTIALS.matcher(url).replaceFirst("$1******@");
  }

  private static Optional<URI> parse(String value) {
    try {
      URI uri = new URI(value);
      return uri.getScheme() == null ? Optional.empty() : Optional.of(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /**
   * The value of {@code name} read by {@code parser}, which throws or returns null for a bad value; a bad value is
   * recorded as {@code problem: "value"} and the documented default is read instead.
   */
  private <T> T parsed(String name, String problem, Function<String, T> parser) {
    String value = text(name);
    try {
      T parsed = parser.apply(value);
      if (parsed != null) {
        return parsed;
      }
    } catch (IllegalArgumentException | DateTimeException e) {
      // reported below
    }
    errors.add(name, problem + ": " + quoted(value));
    return parser.apply(documentedDefault(name));
  }

  private String documentedDefault(String name) {
    return documentation.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(name + " is read but not listed in Settings.DOCUMENTATION"))
        .defaultValue();
  }

  private static String quoted(String value) {
    return '"' + value + '"';
  }
}
