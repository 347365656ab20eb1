package io.zwgk.bot.config;

import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Contact;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Loads and checks {@code units.yaml}: the units the office supervises, with aliases and contacts. */
final class UnitsFile {
  static final String FILE_NAME = "units.yaml";
  private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

  record Document(List<UnitEntry> units) {
  }

  record UnitEntry(String name, String category, List<String> aliases, List<ContactEntry> contacts) {
  }

  record ContactEntry(String name, String mobile, Map<String, String> userIds) {
  }

  private final String display;
  private final ConfigErrors errors;
  private final UnitNames unitNames;

  private UnitsFile(String display, ConfigErrors errors, UnitNames unitNames) {
    this.display = display;
    this.errors = errors;
    this.unitNames = unitNames;
  }

  /**
   * Reads the units in file order; problems go to {@code errors} and the affected units are left out.
   *
   * @param unitNames the county's place names, which names and aliases are compared without
   */
  static List<Unit> load(Path configDir, UnitNames unitNames, ConfigErrors errors) {
    Path file = configDir.resolve(FILE_NAME);
    String display = YamlFiles.displayName(configDir, FILE_NAME);
    if (!Files.exists(file)) {
      errors.add(display, "required file is missing (it lists the units: name, category, aliases, contacts)");
      return List.of();
    }
    int before = errors.size();
    Optional<Document> doc = YamlFiles.read(file, display, Document.class, errors);
    if (doc.isEmpty() && errors.size() == before) {
      errors.add(display, "units", "required: the file is empty");
    }
    return doc.map(d -> new UnitsFile(display, errors, unitNames).convert(d)).orElse(List.of());
  }

  private List<Unit> convert(Document doc) {
    if (doc.units() == null || doc.units().isEmpty()) {
      errors.add(display, "units", "required: list at least one unit");
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    for (int i = 0; i < doc.units().size(); i++) {
      toUnit("units[" + i + "]", doc.units().get(i)).ifPresent(units::add);
    }
    new UnitNameCheck(display, errors, unitNames).check(doc.units());
    return units;
  }

  private Optional<Unit> toUnit(String path, UnitEntry entry) {
    if (entry == null) {
      errors.add(display, path, "empty entry");
      return Optional.empty();
    }
    boolean named = entry.name() != null && !entry.name().isBlank();
    if (!named) {
      errors.add(display, path + ".name", "required");
    }
    Optional<Category> category = category(path + ".category", entry.category());
    List<String> aliases = aliases(path + ".aliases", entry.aliases());
    List<Contact> contacts = contacts(path + ".contacts", entry.contacts());
    if (!named || category.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Unit(entry.name().strip(), category.get(), aliases, contacts));
  }

  private Optional<Category> category(String path, String text) {
    if (text == null || text.isBlank()) {
      errors.add(display, path, "required (县直单位 or 乡镇)");
      return Optional.empty();
    }
    Optional<Category> category = Category.parse(text);
    if (category.isEmpty()) {
      errors.add(display, path, "unknown category \"" + text.strip() + "\" (use 县直单位 or 乡镇)");
    }
    return category;
  }

  private List<String> aliases(String path, List<String> aliases) {
    List<String> result = new ArrayList<>();
    for (int j = 0; aliases != null && j < aliases.size(); j++) {
      String alias = aliases.get(j);
      if (alias == null || alias.isBlank()) {
        errors.add(display, path + "[" + j + "]", "blank alias");
      } else {
        result.add(alias.strip());
      }
    }
    return result;
  }

  private List<Contact> contacts(String path, List<ContactEntry> entries) {
    List<Contact> result = new ArrayList<>();
    for (int k = 0; entries != null && k < entries.size(); k++) {
      contact(path + "[" + k + "]", entries.get(k)).ifPresent(result::add);
    }
    return result;
  }

  private Optional<Contact> contact(String path, ContactEntry entry) {
    if (entry == null) {
      errors.add(display, path, "empty entry");
      return Optional.empty();
    }
    boolean ok = entry.name() != null && !entry.name().isBlank();
    if (!ok) {
      errors.add(display, path + ".name", "required");
    }
    String mobile = entry.mobile() == null ? "" : entry.mobile().strip();
    if (!mobile.isEmpty() && !MOBILE.matcher(mobile).matches()) {
      errors.add(display, path + ".mobile", "not an 11-digit mobile number");
      ok = false;
    }
    Map<String, String> userIds = entry.userIds() == null ? Map.of() : entry.userIds();
    ok &= userIds(path + ".userIds", userIds);
    if (mobile.isEmpty() && userIds.isEmpty()) {
      errors.add(display, path, "needs a mobile or at least one userId to be @-mentioned");
      ok = false;
    }
    return ok ? Optional.of(new Contact(entry.name().strip(), mobile, userIds)) : Optional.empty();
  }

  private boolean userIds(String path, Map<String, String> userIds) {
    boolean ok = true;
    for (Map.Entry<String, String> id : userIds.entrySet()) {
      if (!Platforms.NAMES.contains(id.getKey())) {
        errors.add(display, path + "." + id.getKey(), "unknown platform (" + Platforms.HINT + ")");
        ok = false;
      } else if (id.getValue() == null || id.getValue().isBlank()) {
        errors.add(display, path + "." + id.getKey(), "blank user id");
        ok = false;
      }
    }
    return ok;
  }
}
