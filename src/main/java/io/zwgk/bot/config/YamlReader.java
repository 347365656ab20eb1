package io.zwgk.bot.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.json.jackson.VertxModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one bot-config YAML file into a record with a mapper set up like Vert.x's {@code DatabindCodec.mapper()}, but
 * strict: unknown fields and duplicate keys are errors, so typos in hand-edited files are caught. Each problem is
 * reported as a field path ({@code units[3].contacts}, empty for the whole file) and a message that ends with
 * {@code (line n)} when the line is known; every file read through it reports problems the same way. Immutable and
 * thread-safe.
 */
public final class YamlReader {
  static final ObjectMapper MAPPER = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .registerModule(new VertxModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Receives one problem: the field path ({@code ""} = the whole file) and the message. */
  @FunctionalInterface
  public interface Problems {
    void add(String path, String message);
  }

  private static final YamlReader STRICT = new YamlReader();

  private YamlReader() {
  }

  /**
   * Returns the reader. Syntax errors carry the YAML parser's line and full problem, field errors the line where the
   * field starts (else where the parser stopped), and a wrong yes/no value reads "expected a Boolean value".
   */
  public static YamlReader strict() {
    return STRICT;
  }

  /**
   * Parses {@code file} as {@code type}. On a read, syntax or mapping problem reports one problem and returns empty;
   * an empty document yields empty without a problem, so callers decide what is required.
   */
  public <T> Optional<T> read(Path file, Class<T> type, Problems problems) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      problems.add("", "not UTF-8 text; save the file with UTF-8 encoding");
      return Optional.empty();
    } catch (IOException e) {
      problems.add("", "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    return parse(text.replaceFirst("^\uFEFF", ""), type, problems);
  }

  private static <T> Optional<T> parse(String text, Class<T> type, Problems problems) {
    try {
      JsonNode tree = MAPPER.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return Optional.empty();
      }
      return Optional.of(MAPPER.readValue(text, type));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException syntax) {
        problems.add("", syntaxError(syntax));
      } else {
        problems.add(path(e), describe(e) + at(line(text, e)));
      }
    } catch (JsonProcessingException e) {
      problems.add("", syntaxError(e));
    }
    return Optional.empty();
  }

  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      String context = m.getContext() == null ? "" : m.getContext() + ": ";
      return "YAML syntax error" + at(m.getProblemMark().getLine() + 1) + ": " + context + m.getProblem();
    }
    return "YAML syntax error" + at(parserLine(e)) + ": " + firstLine(e.getOriginalMessage());
  }

  private static int line(String text, JsonMappingException e) {
    return YamlLines.lineOf(text, pointer(e)).orElse(parserLine(e));
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      return "unknown field" + (known == null ? "" : " (expected one of: "
          + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + expected(m.getTargetType());
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping (key: value lines)";
    }
    return type == String.class ? "a text value" : type == Boolean.class ? "a Boolean value"
        : type == Integer.class ? "a whole number" : "a " + type.getSimpleName() + " value";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        pointer.append('/').append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        pointer.append('/').append(ref.getIndex());
      }
    }
    return pointer.toString();
  }

  private static int parserLine(JsonProcessingException e) {
    return e.getLocation() == null ? -1 : e.getLocation().getLineNr();
  }

  private static String at(int line) {
    return line < 1 ? "" : " (line " + line + ")";
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
  }
}
