package io.zwgk.bot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and checks {@code office.yaml}: the county the office serves (named in the bulletin's title and masthead) and
 * the 政务公开办 staff who may run office-only commands.
 */
final class OfficeFile {
  static final String FILE_NAME = "office.yaml";
  /** The longest county name accepted, in characters. */
  static final int MAX_COUNTY = 20;
  private static final Logger log = LoggerFactory.getLogger(OfficeFile.class);

  record Document(String county, List<StaffEntry> staff) {
  }

  /** What the file holds: the county (empty when not given) and the staff. */
  record Office(String county, List<StaffMember> staff) {
  }

  record StaffEntry(String platform, String userId, String name) {
  }

  private OfficeFile() {
  }

  /**
   * Reads the county and the staff list; a missing file means no county and no office staff (logged), a broken one is
   * an error.
   */
  static Office load(Path configDir, ConfigErrors errors) {
    Path file = configDir.resolve(FILE_NAME);
    String display = YamlFiles.displayName(configDir, FILE_NAME);
    if (!Files.exists(file)) {
      log.warn("{} not found: no one may run office-only commands, and the bulletin names no county", display);
      return new Office("", List.of());
    }
    Optional<Document> doc = YamlFiles.read(file, display, Document.class, errors);
    String county = county(display, doc.map(Document::county), errors);
    return new Office(county, staff(display, doc.map(Document::staff).orElse(List.of()), errors));
  }

  private static String county(String display, Optional<String> county, ConfigErrors errors) {
    if (county.isEmpty()) {
      log.warn("{} has no county: the bulletin's title names none", display);
      return "";
    }
    String name = county.get().strip();
    if (name.isEmpty() || name.codePointCount(0, name.length()) > MAX_COUNTY || !name.matches("[^{}\\s]+")) {
      errors.add(display, "county", "must be the county's name, 1 to " + MAX_COUNTY
          + " characters without spaces or braces (e.g. 信丰县)");
      return "";
    }
    return name;
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
