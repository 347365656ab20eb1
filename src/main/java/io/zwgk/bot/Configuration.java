package io.zwgk.bot;

import io.zwgk.bot.bulletin.BulletinTemplates;
import io.zwgk.bot.bulletin.NudgeSchedule;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.monitor.MonitorConfig;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.remind.WorkCalendar;
import java.util.Map;

/**
 * Everything the service is configured with, loaded and validated once at start: env settings, then the bot-config
 * files. Any problem stops the start with a message naming the variable, or the file and field.
 *
 * @param settings environment settings and secrets
 * @param bot units and office staff
 * @param chat robots and groups
 * @param calendar the working-day calendar of {@code holidays-cn.csv}
 * @param reminders the reminder schedules and thresholds of {@code reminders.yaml}
 * @param monitor the site monitor's hosts, pages and dictionary of {@code monitor.yaml}
 * @param bulletin the bulletin's wording of {@code bulletin/bulletin.yaml}
 * @param nudge when the month-start nudge runs ({@code nudge} in {@code bulletin/bulletin.yaml})
 */
public record Configuration(Settings settings, BotConfig bot, ChatConfig chat, WorkCalendar calendar,
    ReminderRules reminders, MonitorConfig monitor, BulletinTemplates bulletin, NudgeSchedule nudge) {
  public static Configuration load(Map<String, String> env) {
    Settings settings = Settings.fromEnv(env);
    BotConfig bot = BotConfig.load(settings.configDir());
    ChatConfig chat = ChatConfig.load(settings.configDir(), settings, env, bot.units());
    WorkCalendar calendar = WorkCalendar.load(settings.configDir().resolve("holidays-cn.csv"));
    ReminderRules reminders = ReminderRules.load(settings.configDir());
    MonitorConfig monitor = MonitorConfig.load(settings.configDir(), bot.units().stream().map(Unit::name).toList());
    BulletinTemplates bulletin = BulletinTemplates.load(settings.configDir().resolve("bulletin"));
    NudgeSchedule nudge = NudgeSchedule.load(settings.configDir().resolve("bulletin"));
    return new Configuration(settings, bot, chat, calendar, reminders, monitor, bulletin, nudge);
  }
}
