package io.zwgk.bot.config;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domain configuration from {@code bot-config/}, loaded and validated once at start-up by {@link #load(Path)}.
 *
 * @param units the supervised units in file order (the bulletin's order: 县直单位 first, then 乡镇)
 * @param staff the 政务公开办 staff from {@code office.yaml}
 * @param unitNames the county's and city's names from {@code office.yaml} ({@code county}, {@code city}), which unit
 *     names are matched without
 * @param county the county's name from {@code office.yaml} ({@code 信丰县}), printed in the bulletin's title and
 *     masthead; empty when not given
 */
public record BotConfig(List<Unit> units, List<StaffMember> staff, UnitNames unitNames, String county) {
  private static final Logger log = LoggerFactory.getLogger(BotConfig.class);

  public BotConfig {
    units = List.copyOf(units);
    staff = List.copyOf(staff);
    Objects.requireNonNull(unitNames, "unitNames");
    Objects.requireNonNull(county, "county");
  }

  /** Units and staff, with place names but no county for the bulletin. */
  public BotConfig(List<Unit> units, List<StaffMember> staff, UnitNames unitNames) {
    this(units, staff, unitNames, "");
  }

  /** Units and staff, with a county for the bulletin but no place names to match unit names without. */
  public BotConfig(List<Unit> units, List<StaffMember> staff, String county) {
    this(units, staff, UnitNames.NONE, county);
  }

  /** Units and staff, with no county named. */
  public BotConfig(List<Unit> units, List<StaffMember> staff) {
    this(units, staff, UnitNames.NONE, "");
  }

  /**
   * Loads {@code office.yaml} (optional) and {@code units.yaml} (required) from {@code configDir}.
   *
   * @throws ConfigException listing every problem found, each naming the file and field path
   */
  public static BotConfig load(Path configDir) {
    Objects.requireNonNull(configDir, "configDir");
    if (!Files.isDirectory(configDir)) {
      throw new ConfigException(configDir.normalize() + ": config directory not found (set ZWGK_CONFIG_DIR)");
    }
    ConfigErrors errors = new ConfigErrors();
    OfficeFile.Office office = OfficeFile.load(configDir, errors);
    List<Unit> units = UnitsFile.load(configDir, office.unitNames(), errors);
    errors.throwIfAny();
    log.info("Loaded {} units and {} office staff from {}; place names before unit names: {}", units.size(),
        office.staff().size(), configDir.normalize(), office.unitNames().placeNames());
    return new BotConfig(units, office.staff(), office.unitNames(), office.county());
  }

  /** The user ids of all office staff, on any platform. */
  public List<String> officeStaff() {
    return staff.stream().map(StaffMember::userId).toList();
  }

  /** Whether this platform user may run office-only commands. */
  public boolean isOfficeStaff(String platform, String userId) {
    return staff.stream().anyMatch(s -> s.platform().equals(platform) && s.userId().equals(userId));
  }

  /** The units of one category, in file order. */
  public List<Unit> units(Category category) {
    return units.stream().filter(u -> u.category() == category).toList();
  }
}
