package io.zwgk.bot.config;

import io.zwgk.bot.stats.UnitNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and checks {@code office.yaml}: the 政务公开办 staff who may run office-only commands, and the county's and
 * its city's names ({@code county: 信丰县}, {@code city: 赣州市}), which unit names are matched without.
 */
final class OfficeFile {
  static final String FILE_NAME = "office.yaml";
  private static final Logger log = LoggerFactory.getLogger(OfficeFile.class);
  private static final Pattern COUNTY = Pattern.compile("\\p{IsHan}{1,19}[县区市旗]");
  private static final Pattern CITY = Pattern.compile("\\p{IsHan}{1,18}(?:市|州|盟|地区)");

  record Document(List<StaffEntry> staff, String county, String city) {
  }

  /** What {@code office.yaml} configures. */
  record Office(List<StaffMember> staff, UnitNames unitNames, String county) {
  }

  record StaffEntry(String platform, String userId, String name) {
  }

  private OfficeFile() {
  }

  /**
   * Reads the staff list and the place names; a missing file means no office staff and no place names (logged), a
   * broken one is an error.
   */
  static Office load(Path configDir, ConfigErrors errors) {
    Path file = configDir.resolve(FILE_NAME);
    String display = YamlFiles.displayName(configDir, FILE_NAME);
    if (!Files.exists(file)) {
      log.warn("{} not found: no one may run office-only commands, and unit names are matched without the county's"
          + " name", display);
      return new Office(List.of(), UnitNames.NONE, "");
    }
    Optional<Document> doc = YamlFiles.read(file, display, Document.class, errors);
    UnitNames unitNames = doc.map(d -> unitNames(display, d, errors)).orElse(UnitNames.NONE);
    String county = doc.map(Document::county).map(String::strip).filter(unitNames.placeNames()::contains).orElse("");
    return new Office(staff(display, doc.map(Document::staff).orElse(List.of()), errors), unitNames, county);
  }

  private static List<StaffMember> staff(String display, List<StaffEntry> entries, ConfigErrors errors) {
    List<StaffMember> staff = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Optional<StaffMember> member = toMember(display, "staff[" + i + "]", entries.get(i), errors);
      if (member.isPresent() && !seen.add(member.get().platform() + ":" + member.get().userId())) {
        errors.add(display, "staff[" + i + "].userId", "duplicate entry for this " + member.get().platform() + " user");
      } else {
        member.ifPresent(staff::add);
      }
    }
    return staff;
  }

  private static UnitNames unitNames(String display, Document doc, ConfigErrors errors) {
    if (doc.county() == null && doc.city() == null) {
      log.warn("{} names no county: unit names are matched without the county's name", display);
    }
    List<String> names = new ArrayList<>();
    placeName(display, "county", doc.county(), COUNTY, "县, 区, 市 or 旗 (e.g. 信丰县)", errors).ifPresent(names::add);
    placeName(display, "city", doc.city(), CITY, "市, 州, 盟 or 地区 (e.g. 赣州市)", errors).ifPresent(names::add);
    if (names.size() == 2 && names.get(0).equals(names.get(1))) {
      errors.add(display, "city", "the same as county");
    }
    return new UnitNames(names);
  }

  private static Optional<String> placeName(String display, String field, String value, Pattern form, String endings,
      ConfigErrors errors) {
    if (value == null) {
      return Optional.empty();
    }
    String name = value.strip();
    if (!form.matcher(name).matches()) {
      errors.add(display, field, "\"" + name + "\" is not a full place name: Chinese characters only, ending in "
          + endings);
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static Optional<StaffMember> toMember(String display, String path, StaffEntry e, ConfigErrors errors) {
    if (e == null) {
      errors.add(display, path, "empty entry");
      return Optional.empty();
    }
    int before = errors.size();
    if (e.platform() == null || !Platforms.NAMES.contains(e.platform().strip())) {
      errors.add(display, path + ".platform", (e.platform() == null ? "required" : "unknown platform") + " ("
          + Platforms.HINT + ")");
    }
    if (e.userId() == null || e.userId().isBlank()) {
      errors.add(display, path + ".userId", "required");
    }
    if (e.name() == null || e.name().isBlank()) {
      errors.add(display, path + ".name", "required");
    }
    return errors.size() > before ? Optional.empty()
        : Optional.of(new StaffMember(e.platform().strip(), e.userId().strip(), e.name().strip()));
  }
}
