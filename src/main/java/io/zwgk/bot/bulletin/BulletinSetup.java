package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.WorkingDays;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The bulletin's configuration, built once at start-up.
 *
 * @param templates the wording ({@code bot-config/bulletin/bulletin.yaml})
 * @param days the working-day calendar (holidays-cn.csv), for the rectification deadline and overdue letters
 * @param reminders the reminder rules: 依申请公开 answer limits for overdue letters, column and account thresholds for
 *     stale ones, the time zone of the monitor's first-seen times
 * @param units the configured units with aliases, which staff paragraphs in [存在问题] may name
 * @param unitNames the county's place names (bot-config office.yaml), which a unit may be named without
 * @param publicUrl {@code ZWGK_PUBLIC_URL}: when set, chat messages link to {@code {publicUrl}/bulletins/{period}}
 * @param county the county the title and masthead name ({@code office.yaml}'s {@code county}), may be empty
 */
public record BulletinSetup(BulletinTemplates templates, WorkingDays days, ReminderRules reminders,
    List<Unit> units, UnitNames unitNames, Optional<String> publicUrl, String county) {
  public BulletinSetup {
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(reminders, "reminders");
    units = List.copyOf(units);
    Objects.requireNonNull(unitNames, "unitNames");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(county, "county");
  }

  /** A setup whose bulletins name no county and whose units are matched without no place names. */
  public BulletinSetup(BulletinTemplates templates, WorkingDays days, ReminderRules reminders, List<Unit> units,
      Optional<String> publicUrl) {
    this(templates, days, reminders, units, UnitNames.NONE, publicUrl, "");
  }

  /** A setup whose bulletins name no county. */
  public BulletinSetup(BulletinTemplates templates, WorkingDays days, ReminderRules reminders, List<Unit> units,
      UnitNames unitNames, Optional<String> publicUrl) {
    this(templates, days, reminders, units, unitNames, publicUrl, "");
  }

  /** A setup whose units are matched without no place names. */
  public BulletinSetup(BulletinTemplates templates, WorkingDays days, ReminderRules reminders, List<Unit> units,
      Optional<String> publicUrl, String county) {
    this(templates, days, reminders, units, UnitNames.NONE, publicUrl, county);
  }
}
