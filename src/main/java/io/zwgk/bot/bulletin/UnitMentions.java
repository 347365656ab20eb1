package io.zwgk.bot.bulletin;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the units a narrative text names, so a 存在问题 paragraph becomes one tracked finding per unit. A unit is
 * recognised by its full name, its {@link UnitNames#bare bare} name (without the county's place names, {@code 县}
 * or {@code 政府}: {@code 县水利局} → {@code 水利局}, {@code 大阿镇政府} → {@code 大阿镇}), its aliases of three or more
 * characters, and townships' two-character aliases ({@code 虎山}); county aliases of two characters ({@code 应急}, {@code 交通}) are
 * ordinary words and are not used. The longest form wins at each position; names inside quotation marks or
 * 《》 are quoted text (e.g. an address written wrongly), not findings. Immutable.
 */
final class UnitMentions {
  private static final Pattern QUOTED = Pattern.compile("“[^”]*”|\"[^\"]*\"|‘[^’]*’|「[^」]*」|《[^》]*》");

  private final List<Map.Entry<String, String>> forms;
  private final UnitNames unitNames;

  /** @param unitNames the county's place names, which the bare forms of the units' names drop */
  UnitMentions(List<Unit> units, UnitNames unitNames) {
    this.unitNames = unitNames;
    Map<String, Set<String>> owners = new HashMap<>();
    for (Unit u : units) {
      forms(u, unitNames).forEach(f -> owners.computeIfAbsent(f, k -> new LinkedHashSet<>()).add(u.name()));
    }
    List<Map.Entry<String, String>> unique = new ArrayList<>();
    owners.forEach((form, names) -> {
      if (names.size() == 1) {
        unique.add(Map.entry(form, names.iterator().next()));
      }
    });
    unique.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed()
        .thenComparing(Map.Entry::getKey));
    this.forms = List.copyOf(unique);
  }

  private static Set<String> forms(Unit u, UnitNames unitNames) {
    Set<String> forms = new LinkedHashSet<>();
    String name = u.name();
    forms.add(name);
    String bare = unitNames.bare(name);
    if (bare.length() >= 2) {
      forms.add(bare);
    }
    int minAlias = u.category() == Category.TOWNSHIP ? 2 : 3;
    u.aliases().stream().filter(a -> a.codePointCount(0, a.length()) >= minAlias).forEach(forms::add);
    return forms;
  }

  /** {@code name} without the county's place names and 县/市 in front and 政府 behind ({@link UnitNames#bare}). */
  String bare(String name) {
    return unitNames.bare(name);
  }

  /** The full names of the units the text names, in order of first mention, each once. */
  List<String> in(String text) {
    String searchable = masked(text);
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < searchable.length()) {
      Map.Entry<String, String> hit = longestAt(searchable, i);
      if (hit == null) {
        i++;
      } else {
        found.add(hit.getValue());
        i += hit.getKey().length();
      }
    }
    return List.copyOf(found);
  }

  private Map.Entry<String, String> longestAt(String text, int index) {
    for (Map.Entry<String, String> form : forms) {
      if (text.startsWith(form.getKey(), index)) {
        return form;
      }
    }
    return null;
  }

  private static String masked(String text) {
    Matcher m = QUOTED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, " ".repeat(m.group().length()));
    }
    return m.appendTail(out).toString();
  }
}
