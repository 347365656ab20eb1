package io.zwgk.bot.config;

import io.zwgk.bot.stats.Unit;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Robots and groups: {@code bot-config/chat.yaml} when present, plus one {@code default} robot per platform declared by
 * environment variables alone ({@link Settings#ROBOT_VARIABLES}). A robot in the file named {@code default} takes the
 * place of the environment one.
 *
 * @param robots every robot that receives messages
 * @param groups every group the robot sends to by itself
 */
public record ChatConfig(List<RobotConfig> robots, List<GroupConfig> groups) {
  public ChatConfig {
    robots = List.copyOf(robots);
    groups = List.copyOf(groups);
  }

  /**
   * Loads and checks the chat configuration.
   *
   * @param env the process environment, for the variables that {@code chat.yaml} names
   * @param units the configured units, which group {@code units} lists must name
   * @throws ConfigException listing every problem, each naming file and field
   */
  public static ChatConfig load(Path configDir, Settings settings, Map<String, String> env, List<Unit> units) {
    ConfigErrors errors = new ConfigErrors();
    ChatConfig config = ChatFile.load(configDir, settings, env, units, errors);
    errors.throwIfAny();
    return config;
  }

  public List<RobotConfig> robots(String platform) {
    return robots.stream().filter(r -> r.platform().equals(platform)).toList();
  }

  public Optional<RobotConfig> robot(String platform, String name) {
    return robots.stream().filter(r -> r.platform().equals(platform) && r.name().equals(name)).findFirst();
  }

  public Optional<GroupConfig> group(String name) {
    return groups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  public List<GroupConfig> officeGroups() {
    return groups.stream().filter(GroupConfig::office).toList();
  }

  public List<GroupConfig> broadcastGroups() {
    return groups.stream().filter(GroupConfig::broadcast).toList();
  }
}
