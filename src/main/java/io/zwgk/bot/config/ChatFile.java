package io.zwgk.bot.config;

import io.zwgk.bot.stats.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code chat.yaml} and the one-robot-per-platform environment variables into a {@link ChatConfig}. */
final class ChatFile {
  static final String FILE_NAME = "chat.yaml";

  record Document(List<RobotEntry> robots, List<GroupEntry> groups) {
  }

  record RobotEntry(String name, String platform, String mode, Map<String, String> env) {
  }

  record GroupEntry(String name, String platform, String robot, String conversationId, String webhookEnv,
      String secretEnv, Boolean office, Boolean broadcast, List<String> units) {
  }

  /** Credential keys each platform knows, and which are required in each mode. */
  private static final Map<String, List<String>> KEYS = Map.of(
      "dingtalk", List.of("appSecret", "clientId", "clientSecret", "chatbotUserId"),
      "wecom", List.of("token", "encodingAesKey", "receiveId", "botId", "botSecret"),
      "feishu", List.of("verificationToken", "encryptKey", "appId", "appSecret"));

  private final String display;
  private final Map<String, String> env;
  private final ConfigErrors errors;

  private ChatFile(String display, Map<String, String> env, ConfigErrors errors) {
    this.display = display;
    this.env = env;
    this.errors = errors;
  }

  static ChatConfig load(Path configDir, Settings settings, Map<String, String> env, List<Unit> units,
      ConfigErrors errors) {
    String display = YamlFiles.displayName(configDir, FILE_NAME);
    Path file = configDir.resolve(FILE_NAME);
    Optional<Document> doc = Files.exists(file)
        ? YamlFiles.read(file, display, Document.class, errors) : Optional.empty();
    ChatFile reader = new ChatFile(display, env, errors);
    List<RobotConfig> robots = reader.robots(doc.map(Document::robots).orElse(List.of()));
    EnvRobots.add(settings, robots);
    List<GroupConfig> groups = reader.groups(doc.map(Document::groups).orElse(List.of()), robots, units);
    return new ChatConfig(robots, groups);
  }

  private List<RobotConfig> robots(List<RobotEntry> entries) {
    List<RobotConfig> robots = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < (entries == null ? 0 : entries.size()); i++) {
      String path = "robots[" + i + "]";
      RobotEntry e = entries.get(i);
      Optional<String> platform = platform(path, e == null ? null : e.platform());
      if (e == null || platform.isEmpty()) {
        continue;
      }
      String name = e.name() == null || e.name().isBlank() ? RobotConfig.DEFAULT : e.name().strip();
      if (!name.matches("[A-Za-z0-9_-]{1,40}")) {
        errors.add(display, path + ".name", "use letters, digits, - or _ (it becomes part of the URL)");
      } else if (!seen.add(platform.get() + "/" + name)) {
        errors.add(display, path + ".name", "a second " + platform.get() + " robot named " + name);
      }
      Optional<RobotMode> mode = RobotMode.parse(e.mode() == null ? "webhook" : e.mode());
      if (mode.isEmpty()) {
        errors.add(display, path + ".mode", "use webhook, stream (dingtalk) or long-connection (wecom, feishu)");
        continue;
      }
      Map<String, Secret> credentials = credentials(path, platform.get(), e.env());
      RobotConfig robot = new RobotConfig(platform.get(), name, mode.get(), credentials);
      RobotChecks.check(robot, display, path, errors);
      robots.add(robot);
    }
    return robots;
  }

  private Map<String, Secret> credentials(String path, String platform, Map<String, String> names) {
    Map<String, Secret> credentials = new LinkedHashMap<>();
    if (names == null) {
      return credentials;
    }
    names.forEach((key, variable) -> {
      if (!KEYS.get(platform).contains(key)) {
        errors.add(display, path + ".env." + key, "unknown key; " + platform + " robots use " + KEYS.get(platform));
      } else if (variable == null || env.get(variable) == null || env.get(variable).isBlank()) {
        errors.add(display, path + ".env." + key, "environment variable " + variable + " is not set");
      } else {
        credentials.put(key, new Secret(env.get(variable).strip()));
      }
    });
    return credentials;
  }

  private List<GroupConfig> groups(List<GroupEntry> entries, List<RobotConfig> robots, List<Unit> units) {
    Set<String> unitNames = new HashSet<>();
    units.forEach(u -> unitNames.add(u.name()));
    List<GroupConfig> groups = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < (entries == null ? 0 : entries.size()); i++) {
      String path = "groups[" + i + "]";
      GroupEntry e = entries.get(i);
      Optional<String> platform = platform(path, e == null ? null : e.platform());
      if (e == null || platform.isEmpty()) {
        continue;
      }
      if (e.name() == null || e.name().isBlank()) {
        errors.add(display, path + ".name", "required");
        continue;
      }
      if (!seen.add(e.name().strip())) {
        errors.add(display, path + ".name", "a second group named " + e.name().strip());
      }
      groups.add(group(path, e, platform.get(), robots, unitNames));
    }
    return groups;
  }

  private GroupConfig group(String path, GroupEntry e, String platform, List<RobotConfig> robots,
      Set<String> unitNames) {
    String robot = e.robot() == null || e.robot().isBlank() ? RobotConfig.DEFAULT : e.robot().strip();
    Optional<Secret> webhook = variable(path + ".webhookEnv", e.webhookEnv());
    Optional<Secret> secret = variable(path + ".secretEnv", e.secretEnv());
    Optional<String> conversation = Optional.ofNullable(e.conversationId()).map(String::strip).filter(s -> !s.isEmpty());
    boolean robotKnown = robots.stream().anyMatch(r -> r.platform().equals(platform) && r.name().equals(robot));
    if (webhook.isEmpty() && (conversation.isEmpty() || !robotKnown)) {
      errors.add(display, path, "cannot send to this group: give webhookEnv, or conversationId with a configured "
          + platform + " robot");
    }
    List<String> units = e.units() == null ? List.of() : e.units().stream().map(String::strip).toList();
    for (int u = 0; u < units.size(); u++) {
      if (!unitNames.contains(units.get(u))) {
        errors.add(display, path + ".units[" + u + "]", "not a unit of units.yaml: " + units.get(u));
      }
    }
    return new GroupConfig(e.name().strip(), platform, robot, conversation, webhook, secret,
        Boolean.TRUE.equals(e.office()), Boolean.TRUE.equals(e.broadcast()), units);
  }

  private Optional<Secret> variable(String path, String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String value = env.get(name.strip());
    if (value == null || value.isBlank()) {
      errors.add(display, path, "environment variable " + name.strip() + " is not set");
      return Optional.empty();
    }
    return Optional.of(new Secret(value.strip()));
  }

  private Optional<String> platform(String path, String platform) {
    if (platform == null || !Platforms.NAMES.contains(platform.strip())) {
      errors.add(display, path + ".platform", platform == null ? "required; " + Platforms.HINT
          : "unknown platform " + platform + "; " + Platforms.HINT);
      return Optional.empty();
    }
    return Optional.of(platform.strip());
  }
}
