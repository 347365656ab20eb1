package io.zwgk.bot.bulletin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.zwgk.bot.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks {@code bulletin.yaml}, collecting every problem before failing. */
final class TemplatesFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
  private static final Map<String, Set<String>> ENTRIES = BulletinTemplates.ENTRIES;
  private static final Pattern PLACEHOLDER = BulletinTemplates.PLACEHOLDER;
  private static final Set<String> REQUIREMENT_PLACEHOLDERS = BulletinTemplates.REQUIREMENT_PLACEHOLDERS;
  private static final int DEFAULT_DAYS = BulletinTemplates.DEFAULT_DAYS;
  private static final int DEFAULT_REMINDERS = BulletinTemplates.DEFAULT_REMINDERS;
  private static final Set<String> SETTINGS = Set.of("requirements", "rectificationWorkingDays", "repeatedReminders",
      "fastTaskShare", "fastTaskWorkingDays", "nudge");

  private TemplatesFile() {
  }

  static BulletinTemplates load(Path file) {
    String display = file.normalize().toString();
    JsonNode root = read(file, display);
    List<String> errors = new ArrayList<>();
    Map<String, String> texts = new LinkedHashMap<>();
    ENTRIES.forEach((key, allowed) -> text(root, key, allowed, display, errors).ifPresent(t -> texts.put(key, t)));
    List<String> requirements = requirements(root.get("requirements"), display, errors);
    int days = whole(root.get("rectificationWorkingDays"), DEFAULT_DAYS, 60,
        display + ": rectificationWorkingDays: must be a whole number of working days from 1 to 60", errors);
    int reminders = whole(root.get("repeatedReminders"), DEFAULT_REMINDERS, 31,
        display + ": repeatedReminders: must be a whole number of days from 1 to 31", errors);
    int share = whole(root.get("fastTaskShare"), BulletinTemplates.DEFAULT_FAST_SHARE, 100,
        display + ": fastTaskShare: must be a whole percentage from 1 to 100", errors);
    int fastDays = whole(root.get("fastTaskWorkingDays"), BulletinTemplates.DEFAULT_FAST_DAYS, 60,
        display + ": fastTaskWorkingDays: must be a whole number of working days from 1 to 60", errors);
    unknownEntries(root, "", display, errors);
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new BulletinTemplates(days, reminders, share, fastDays, texts, requirements);
  }

  private static JsonNode read(Path file, String display) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(display + ": file not found (the bulletin's wording; copy it from the release's "
          + "bot-config/bulletin/)");
    }
    try {
      JsonNode root = YAML.readTree(Files.readString(file).replaceFirst("^\uFEFF", ""));
      if (root == null || !root.isObject()) {
        throw new ConfigException(display + ": expected entries such as title, letters, requirements");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ConfigException(display + ": not valid YAML: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
    } catch (IOException e) {
      throw new ConfigException(display + ": cannot be read: " + e.getMessage());
    }
  }

  private static Optional<String> text(JsonNode root, String key, Set<String> allowed, String display,
      List<String> errors) {
    JsonNode node = root.at("/" + key.replace('.', '/'));
    if (node.isMissingNode() || node.isNull()) {
      errors.add(display + ": " + key + ": missing");
      return Optional.empty();
    }
    if (!node.isTextual()) {
      errors.add(display + ": " + key + ": must be a text in double quotes");
      return Optional.empty();
    }
    checkPlaceholders(node.asText(), allowed, display + ": " + key, errors);
    return Optional.of(node.asText());
  }

  private static void checkPlaceholders(String text, Set<String> allowed, String where, List<String> errors) {
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      if (!allowed.contains(m.group(1))) {
        errors.add(where + ": unknown placeholder " + m.group() + "; "
            + (allowed.isEmpty() ? "this entry takes none" : "allowed: {" + String.join("} {", sorted(allowed)) + "}"));
      }
    }
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static List<String> requirements(JsonNode node, String display, List<String> errors) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      errors.add(display + ": requirements: must be a list of paragraphs");
      return List.of();
    }
    List<String> paragraphs = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode p = node.get(i);
      if (!p.isTextual() || p.asText().isBlank()) {
        errors.add(display + ": requirements[" + i + "]: must be a non-empty text");
        continue;
      }
      checkPlaceholders(p.asText(), REQUIREMENT_PLACEHOLDERS, display + ": requirements[" + i + "]", errors);
      paragraphs.add(p.asText());
    }
    return paragraphs;
  }

  private static int whole(JsonNode node, int fallback, int max, String error, List<String> errors) {
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1 || node.asInt() > max) {
      errors.add(error);
      return fallback;
    }
    return node.asInt();
  }

  private static void unknownEntries(JsonNode node, String prefix, String display, List<String> errors) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = prefix + f.getKey();
      boolean known = ENTRIES.containsKey(key) || SETTINGS.contains(key);
      boolean group = ENTRIES.keySet().stream().anyMatch(k -> k.startsWith(key + "."));
      if (group && f.getValue().isObject()) {
        unknownEntries(f.getValue(), key + ".", display, errors);
      } else if (!known) {
        errors.add(display + ": " + key + ": unknown entry");
      }
    }
  }
}
