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
 * {@code (line n)} when the line is known. Immutable and thread-safe.
 *
 * <p>{@link #strict()} gives the messages of {@code units.yaml}, {@code chat.yaml} and {@code office.yaml}; the
 * {@code with...} variants reproduce the slightly different messages other files have always given.
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

  /** Which line a field error (unknown field, wrong type) names. */
  public enum FieldLine {
    /** The line where the field starts, else the line where the parser stopped. */
    FIELD_OR_PARSER,
    /** The line where the field starts, else none (e.g. for an error about the whole document). */
    FIELD,
    /** The line where the parser stopped, which can lie after the field. */
    PARSER
  }

  private final boolean yamlDetail;
  private final FieldLine fieldLine;
  private final String booleanExpected;

  private YamlReader(boolean yamlDetail, FieldLine fieldLine, String booleanExpected) {
    this.yamlDetail = yamlDetail;
    this.fieldLine = fieldLine;
    this.booleanExpected = booleanExpected;
  }

  /**
   * Syntax errors carry the YAML parser's line and full problem, field errors the line where the field starts, and a
   * wrong yes/no value reads "expected a Boolean value".
   */
  public static YamlReader strict() {
    return new YamlReader(true, FieldLine.FIELD_OR_PARSER, "a Boolean value");
  }

  /** Syntax errors give only the first line of the parser's message, at the line where the parser stopped. */
  public YamlReader withBriefSyntaxErrors() {
    return new YamlReader(false, fieldLine, booleanExpected);
  }

  /** Field errors name the line chosen by {@code how}. */
  public YamlReader withFieldLine(FieldLine how) {
    return new YamlReader(yamlDetail, how, booleanExpected);
  }

  /** A wrong yes/no value reads "expected " + {@code expected}, e.g. {@code "true or false"}. */
  public YamlReader withBooleanExpected(String expected) {
    return new YamlReader(yamlDetail, fieldLine, expected);
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

  private <T> Optional<T> parse(String text, Class<T> type, Problems problems) {
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

  private String syntaxError(JsonProcessingException e) {
    if (yamlDetail && e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      String context = m.getContext() == null ? "" : m.getContext() + ": ";
      return "YAML syntax error" + at(m.getProblemMark().getLine() + 1) + ": " + context + m.getProblem();
    }
    return "YAML syntax error" + at(parserLine(e)) + ": " + firstLine(e.getOriginalMessage());
  }

  private int line(String text, JsonMappingException e) {
    return switch (fieldLine) {
      case FIELD_OR_PARSER -> YamlLines.lineOf(text, pointer(e)).orElse(parserLine(e));
      case FIELD -> YamlLines.lineOf(text, pointer(e)).orElse(-1);
      case PARSER -> parserLine(e);
    };
  }

  private String describe(JsonMappingException e) {
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

  private String expected(Class<?> type) {
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "a mapping (key: value lines)";
    }
    return type == String.class ? "a text value" : type == Boolean.class ? booleanExpected
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
