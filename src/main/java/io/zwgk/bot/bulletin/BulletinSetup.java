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
 * @param letters the 依申请公开 answer limits of the reminder rules, for overdue letters
 * @param units the configured units with aliases, which staff paragraphs in [存在问题] may name
 * @param unitNames the county's place names, which a unit may be named without
 * @param publicUrl {@code ZWGK_PUBLIC_URL}: when set, chat messages link to {@code {publicUrl}/bulletins/{period}}
 */
public record BulletinSetup(BulletinTemplates templates, WorkingDays days, ReminderRules.Letters letters,
    List<Unit> units, UnitNames unitNames, Optional<String> publicUrl) {
  public BulletinSetup {
    Objects.requireNonNull(templates, "templates");
    Objects.requireNonNull(days, "days");
    Objects.requireNonNull(letters, "letters");
    units = List.copyOf(units);
    Objects.requireNonNull(unitNames, "unitNames");
    Objects.requireNonNull(publicUrl, "publicUrl");
  }
}
