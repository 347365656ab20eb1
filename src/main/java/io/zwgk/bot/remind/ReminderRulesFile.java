package io.zwgk.bot.remind;

import io.zwgk.bot.config.YamlReader;
import io.zwgk.bot.remind.ReminderRules.Letters;
import io.zwgk.bot.remind.ReminderRules.OpenDays;
import io.zwgk.bot.remind.ReminderRules.QuietHours;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code reminders.yaml} into {@link ReminderRules}, filling defaults and checking every value. */
final class ReminderRulesFile {
  private static final Logger log = LoggerFactory.getLogger(ReminderRulesFile.class);
  private static final YamlReader YAML = YamlReader.strict();

  private final RuleChecks errors;
  private final ReminderRules defaults = ReminderRules.defaults();

  private ReminderRulesFile(RuleChecks errors) {
    this.errors = errors;
  }

  static ReminderRules load(Path configDir) {
    String display = configDir.normalize().resolve(ReminderRules.FILE_NAME).toString();
    Path file = configDir.resolve(ReminderRules.FILE_NAME);
    if (!Files.exists(file)) {
      log.warn("{} not found: no automatic reminders", display);
      return ReminderRules.defaults();
    }
    RuleChecks errors = new RuleChecks(display);
    Optional<RulesDocument> doc = YAML.read(file, RulesDocument.class, errors);
    errors.throwIfAny();
    ReminderRules rules = doc.map(new ReminderRulesFile(errors)::rules).orElse(null);
    errors.throwIfAny();
    if (rules == null || rules.schedules().isEmpty()) {
      log.warn("{} has no schedules: no automatic reminders", display);
    }
    return rules == null ? ReminderRules.defaults() : rules;
  }

  private ReminderRules rules(RulesDocument d) {
    ZoneId zone = zone(d.zone());
    Optional<QuietHours> quiet = quietHours(d.quietHours());
    List<Schedule> schedules = RulesSchedules.schedules(d.schedules(), errors);
    Map<TrackedKind, Integer> windows = windows(d.dueSoonWorkingDays());
    Map<String, Period> columns = d.columns() == null ? defaults.columnThresholds()
        : ColumnClasses.parse(d.columns(), errors);
    Period accounts = d.accounts() == null || d.accounts().stale() == null ? defaults.accountThreshold()
        : errors.period("accounts.stale", d.accounts().stale());
    Letters letters = letters(d.letters());
    int finding = errors.days("findings.deadlineWorkingDays", d.findings() == null ? null
        : d.findings().deadlineWorkingDays(), defaults.findingWorkingDays(), 1);
    OpenDays openDays = openDays(d.openDays());
    int escalation = errors.days("escalation.afterWorkingDays", d.escalation() == null ? null
        : d.escalation().afterWorkingDays(), defaults.escalationWorkingDays(), 0);
    if (errors.count() > 0) {
      return null;
    }
    checkQuiet(schedules, quiet, zone);
    return new ReminderRules(zone, schedules, quiet, windows, columns, accounts, letters, finding, openDays,
        escalation);
  }

  /** A schedule whose every run in two weeks falls inside the quiet hours would never send: say so. */
  private void checkQuiet(List<Schedule> schedules, Optional<QuietHours> quiet, ZoneId zone) {
    ZonedDateTime start = ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, zone);
    for (int i = 0; i < schedules.size() && quiet.isPresent(); i++) {
      Optional<ZonedDateTime> run = schedules.get(i).cron().next(start);
      boolean any = false;
      boolean heard = false;
      while (run.isPresent() && run.get().isBefore(start.plusDays(14)) && !heard) {
        any = true;
        heard = !quiet.get().contains(run.get().toLocalTime());
        run = schedules.get(i).cron().next(run.get());
      }
      if (any && !heard) {
        errors.add("schedules[" + i + "].cron", "every run falls inside quietHours, so nothing would be sent");
      }
    }
  }

  private ZoneId zone(String zone) {
    if (zone == null) {
      return defaults.zone();
    }
    try {
      return ZoneId.of(zone.strip());
    } catch (DateTimeException e) {
      errors.add("zone", "unknown time zone \"" + zone + "\" (use a region such as Asia/Shanghai)");
      return defaults.zone();
    }
  }

  private Optional<QuietHours> quietHours(RulesDocument.QuietEntry q) {
    if (q == null) {
      return Optional.empty();
    }
    Optional<LocalTime> from = errors.time("quietHours.from", q.from());
    Optional<LocalTime> to = errors.time("quietHours.to", q.to());
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    if (from.get().equals(to.get())) {
      errors.add("quietHours.to", "must differ from quietHours.from");
      return Optional.empty();
    }
    return Optional.of(new QuietHours(from.get(), to.get()));
  }

  private Map<TrackedKind, Integer> windows(Map<String, Integer> entries) {
    Map<TrackedKind, Integer> windows = new EnumMap<>(TrackedKind.class);
    if (entries == null) {
      return windows;
    }
    Integer all = entries.get("default");
    if (entries.containsKey("default")) {
      int fallback = errors.days("dueSoonWorkingDays.default", all, ReminderRules.DEFAULT_DUE_SOON, 0);
      ReminderRules.WINDOW_KINDS.forEach(k -> windows.put(k, fallback));
    }
    entries.forEach((key, value) -> {
      if (!key.equals("default")) {
        Optional<TrackedKind> kind = RulesSchedules.kind(key);
        if (kind.isEmpty() || !ReminderRules.WINDOW_KINDS.contains(kind.get())) {
          errors.add("dueSoonWorkingDays." + key, RulesSchedules.windowHint(kind));
        } else {
          windows.put(kind.get(), errors.days("dueSoonWorkingDays." + key, value, ReminderRules.DEFAULT_DUE_SOON, 0));
        }
      }
    });
    return windows;
  }

  private Letters letters(RulesDocument.LettersEntry e) {
    Letters d = defaults.letters();
    if (e == null) {
      return d;
    }
    int limit = errors.days("letters.limitWorkingDays", e.limitWorkingDays(), d.limitWorkingDays(), 1);
    int extension = errors.days("letters.extensionWorkingDays", e.extensionWorkingDays(), d.extensionWorkingDays(), 0);
    List<Integer> points = e.remindAt() == null ? d.remindAt() : e.remindAt();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < points.size(); i++) {
      Integer p = points.get(i);
      if (p == null || p < 0 || p > limit + extension) {
        errors.add("letters.remindAt[" + i + "]", "working days left must be 0 to " + (limit + extension) + ": " + p);
      } else if (!seen.add(p)) {
        errors.add("letters.remindAt[" + i + "]", "listed twice: " + p);
      }
    }
    return errors.count() == 0 ? new Letters(limit, extension, points) : d;
  }

  private OpenDays openDays(RulesDocument.OpenDaysEntry e) {
    OpenDays d = defaults.openDays();
    if (e == null) {
      return d;
    }
    return new OpenDays(
        errors.days("openDays.planWindowWorkingDays", e.planWindowWorkingDays(), d.planWindowWorkingDays(), 0),
        errors.days("openDays.publicityWorkingDays", e.publicityWorkingDays(), d.publicityWorkingDays(), 1));
  }
}
