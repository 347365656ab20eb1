package io.zwgk.bot.monitor;

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

/**
 * Strict YAML reading for {@code monitor.yaml}: unknown fields and duplicate keys (also in the dictionary) are
 * errors, and every problem names the field path and, when known, the line.
 */
final class MonitorYaml {
  private static final ObjectMapper MAPPER = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private MonitorYaml() {
  }

  /** Parses {@code file}; empty for an empty document, or after recording the problem. */
  static Optional<MonitorDocument> read(Path file, MonitorChecks errors) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString()
          .replaceFirst("^\uFEFF", "");
    } catch (CharacterCodingException e) {
      errors.add("", "not UTF-8 text; save the file with UTF-8 encoding");
      return Optional.empty();
    } catch (IOException e) {
      errors.add("", "cannot be read: " + e.getMessage());
      return Optional.empty();
    }
    return parse(text, errors);
  }

  static Optional<MonitorDocument> parse(String text, MonitorChecks errors) {
    try {
      JsonNode tree = MAPPER.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return Optional.empty();
      }
      return Optional.of(MAPPER.readValue(text, MonitorDocument.class));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException) {
        errors.add("", syntax(e));
      } else {
        errors.add(path(e), describe(e) + at(e));
      }
    } catch (JsonProcessingException e) {
      errors.add("", syntax(e));
    }
    return Optional.empty();
  }

  private static String syntax(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable"
        : e.getOriginalMessage().lines().findFirst().orElse("").strip();
    return "YAML syntax error" + at(e) + ": " + message;
  }

  private static String at(JsonProcessingException e) {
    int line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
    return line < 1 ? "" : " (line " + line + ")";
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

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      Collection<Object> known = u.getKnownPropertyIds();
      return "unknown field" + (known == null ? "" : " (expected one of: "
          + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      Class<?> type = m.getTargetType();
      return "expected " + (Collection.class.isAssignableFrom(type) ? "a list"
          : type.isRecord() || Map.class.isAssignableFrom(type) ? "a mapping (key: value lines)"
          : type == String.class ? "a text value" : type == Integer.class ? "a whole number"
          : "a " + type.getSimpleName() + " value");
    }
    String message = e.getOriginalMessage();
    return message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
  }
}
