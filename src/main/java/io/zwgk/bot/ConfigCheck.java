package io.zwgk.bot;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.chat.feishu.FeishuPlatform;
import io.zwgk.bot.chat.wecom.WeComPlatform;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.ConfigException;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.bulletin.BulletinTemplates;
import io.zwgk.bot.bulletin.NudgeSchedule;
import io.zwgk.bot.monitor.MonitorConfig;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.Unit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code check-config}: checks the environment and every {@code bot-config/} file on its own, so that one broken file
 * does not hide the problems of the next, and answers every problem found (each naming the variable, or the file and
 * field). A part that depends on a broken one is checked against defaults (bad variables) or skipped (the chat file
 * without a readable units file, the platforms without a readable chat file).
 */
final class ConfigCheck {
  /**
   * @param problems every problem found, in the order checked
   * @param configuration the loaded configuration, present exactly when there is no problem
   */
  record Result(List<String> problems, Optional<Configuration> configuration) {
  }

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigCheck(Map<String, String> env) {
    this.env = env;
  }

  /** Checks {@code env} and the files it points at. */
  static Result run(Map<String, String> env) {
    return new ConfigCheck(env).check();
  }

  private Result check() {
    Settings settings = settings();
    Optional<List<Unit>> units = check(() -> BotConfig.load(settings.configDir()).units());
    Optional<ChatConfig> chat = units.flatMap(u -> check(() -> ChatConfig.load(settings.configDir(), settings, env, u)));
    check(() -> WorkCalendar.load(settings.configDir().resolve("holidays-cn.csv")));
    check(() -> ReminderRules.load(settings.configDir()));
    check(() -> BulletinTemplates.load(settings.configDir().resolve("bulletin")));
    check(() -> NudgeSchedule.load(settings.configDir().resolve("bulletin")));
    units.ifPresent(u -> check(() -> MonitorConfig.load(settings.configDir(), u.stream().map(Unit::name).toList())));
    chat.ifPresent(c -> platforms(settings, c));
    Optional<Configuration> all = problems.isEmpty() ? check(() -> Configuration.load(env)) : Optional.empty();
    return new Result(List.copyOf(problems), all);
  }

  /**
   * What a valid configuration still lacks for the office's month: nobody listed as office staff (so nobody can run
   * 月报, 复核, 暂停提醒 or 检查), no group that receives the bulletin. Each names the file to edit.
   */
  static List<String> warnings(Configuration config) {
    List<String> warnings = new ArrayList<>();
    if (config.bot().staff().isEmpty()) {
      warnings.add("bot-config/office.yaml 没有列出政务公开办工作人员 (staff)，没有人能使用月报、复核、暂停提醒、检查等"
          + "办公室命令；请在 staff 下按文件中的示例添加 (no office staff: nobody can run office commands)");
    }
    if (config.chat().broadcastGroups().isEmpty()) {
      warnings.add("bot-config/chat.yaml 没有 broadcast: true 的群，月报无法发布给任何人 (no broadcast group: the "
          + "bulletin cannot be published)");
    }
    return warnings;
  }

  /** The settings; with bad variables, the problems are kept and the rest is checked with their defaults. */
  private Settings settings() {
    try {
      return Settings.fromEnv(env);
    } catch (ConfigException e) {
      problems.addAll(e.errors());
      Map<String, String> good = new HashMap<>(env);
      good.keySet().removeIf(name -> e.errors().stream().anyMatch(error -> error.startsWith(name + ":")));
      return Settings.fromEnv(good);
    }
  }

  /** The platforms check their robots when built (e.g. Feishu refuses long-connection robots). */
  private void platforms(Settings settings, ChatConfig chat) {
    Vertx vertx = Vertx.vertx();
    try {
      WebClient web = WebClient.create(vertx);
      Clock clock = Clock.system(settings.zone());
      check(() -> new DingTalkPlatform(vertx, web, settings, chat.robots("dingtalk"), clock));
      check(() -> new WeComPlatform(vertx, web, settings, chat.robots("wecom"), clock));
      check(() -> new FeishuPlatform(vertx, web, settings, chat.robots("feishu"), clock));
    } finally {
      vertx.close().await(); // blocking-ok: cli
    }
  }

  private <T> Optional<T> check(Supplier<T> part) {
    try {
      return Optional.of(part.get());
    } catch (ConfigException e) {
      problems.addAll(e.errors());
      return Optional.empty();
    }
  }
}
