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

/** Loads and checks {@code office.yaml}: the 政务公开办 staff who may run office-only commands. */
final class OfficeFile {
  static final String FILE_NAME = "office.yaml";
  private static final Logger log = LoggerFactory.getLogger(OfficeFile.class);

  record Document(List<StaffEntry> staff) {
  }

  record StaffEntry(String platform, String userId, String name) {
  }

  private OfficeFile() {
  }

  /** Reads the staff list; a missing file means no office staff (logged), a broken one is an error. */
  static List<StaffMember> load(Path configDir, ConfigErrors errors) {
    Path file = configDir.resolve(FILE_NAME);
    String display = YamlFiles.displayName(configDir, FILE_NAME);
    if (!Files.exists(file)) {
      log.warn("{} not found: no one may run office-only commands", display);
      return List.of();
    }
    Optional<Document> doc = YamlFiles.read(file, display, Document.class, errors);
    List<StaffEntry> entries = doc.map(Document::staff).orElse(List.of());
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
