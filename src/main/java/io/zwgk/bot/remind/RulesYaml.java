package io.zwgk.bot.remind;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * Strict YAML reading for {@code reminders.yaml}: unknown fields and duplicate keys are errors, and every problem is
 * reported as {@code file: field.path: message (line n)}.
 */
final class RulesYaml {
  static final ObjectMapper MAPPER = new ObjectMapper(
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private RulesYaml() {
  }

  /** Parses {@code file} as {@code type}; empty for an empty document, or after recording the problem in errors. */
  static <T> Optional<T> read(Path file, Class<T> type, RuleChecks errors) {
    return text(file, errors).flatMap(text -> parse(text, type, errors));
  }

  private static Optional<String> text(Path file, RuleChecks errors) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
      return Optional.of(text.replaceFirst("^\uFEFF", ""));
    } catch (CharacterCodingException e) {
      errors.add("", "not UTF-8 text; save the file with UTF-8 encoding");
    } catch (IOException e) {
      errors.add("", "cannot be read: " + e.getMessage());
    }
    return Optional.empty();
  }

  private static <T> Optional<T> parse(String text, Class<T> type, RuleChecks errors) {
    try {
      JsonNode tree = MAPPER.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return Optional.empty();
      }
      return Optional.of(MAPPER.readValue(text, type));
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof StreamReadException) {
        errors.add("", syntax(e));
      } else {
        errors.add(path(e), describe(e) + at(lineOf(text, pointer(e))));
      }
    } catch (JsonProcessingException e) {
      errors.add("", syntax(e));
    }
    return Optional.empty();
  }

  private static String syntax(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage().lines().findFirst()
        .orElse("").strip();
    return "YAML syntax error" + at(e.getLocation() == null ? -1 : e.getLocation().getLineNr()) + ": " + message;
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
          : type == String.class ? "a text value" : type == Boolean.class ? "true or false"
          : type == Integer.class ? "a whole number" : "a " + type.getSimpleName() + " value");
    }
    String message = e.getOriginalMessage();
    return message == null ? "unreadable" : message.lines().findFirst().orElse("").strip();
  }

  private static int lineOf(String text, String pointer) {
    if (pointer.isEmpty()) {
      return -1;
    }
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (p.getParsingContext().pathAsPointer().toString().equals(pointer)) {
          return p.currentTokenLocation().getLineNr();
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return -1;
  }

  private static String at(int line) {
    return line < 1 ? "" : " (line " + line + ")";
  }
}
