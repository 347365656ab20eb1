package io.zwgk.bot.config;

import io.zwgk.bot.stats.UnitNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every unit name and alias points at exactly one unit. Names are compared the way officers' input is
 * matched, by their {@link UnitNames#key key}: without the county's place names, a leading {@code 县} or a trailing
 * {@code 政府}, so an alias {@code 公安局} or {@code 信丰县公安局} would clash with {@code 县公安局}.
 */
final class UnitNameCheck {
  private final String display;
  private final ConfigErrors errors;
  private final UnitNames unitNames;
  private final Map<String, Integer> nameOwner = new HashMap<>();
  private final Map<String, Integer> aliasOwner = new HashMap<>();

  UnitNameCheck(String display, ConfigErrors errors, UnitNames unitNames) {
    this.display = display;
    this.errors = errors;
    this.unitNames = unitNames;
  }

  void check(List<UnitsFile.UnitEntry> units) {
    for (int i = 0; i < units.size(); i++) {
      UnitsFile.UnitEntry unit = units.get(i);
      if (unit != null && unit.name() != null && !unit.name().isBlank()) {
        Integer other = nameOwner.putIfAbsent(unitNames.key(unit.name()), i);
        if (other != null) {
          errors.add(display, "units[" + i + "].name",
              "duplicate unit name \"" + unit.name().strip() + "\" (same as units[" + other + "])");
        }
      }
    }
    for (int i = 0; i < units.size(); i++) {
      UnitsFile.UnitEntry unit = units.get(i);
      if (unit != null && unit.aliases() != null) {
        checkAliases(i, unit.aliases(), units);
      }
    }
  }

  private void checkAliases(int i, List<String> aliases, List<UnitsFile.UnitEntry> units) {
    for (int j = 0; j < aliases.size(); j++) {
      String alias = aliases.get(j);
      if (alias == null || alias.isBlank()) {
        continue;
      }
      String key = unitNames.key(alias);
      String path = "units[" + i + "].aliases[" + j + "]";
      Integer named = nameOwner.get(key);
      Integer aliased = aliasOwner.putIfAbsent(key, i);
      if (named != null && named != i) {
        errors.add(display, path, quoted(alias) + " is the name of units[" + named + "] " + quoted(units.get(named).name()));
      } else if (aliased != null && aliased != i) {
        errors.add(display, path,
            quoted(alias) + " is already an alias of units[" + aliased + "] " + quoted(units.get(aliased).name()));
      } else if (aliased != null) {
        errors.add(display, path, "duplicate alias " + quoted(alias));
      }
    }
  }

  private static String quoted(String text) {
    return '"' + text.strip() + '"';
  }
}
