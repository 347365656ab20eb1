package io.zwgk.bot.stats;

import java.util.Arrays;
import java.util.Optional;

/** The two kinds of unit the bulletin reports on, each with its own attachment table and ranking. */
public enum Category {
  COUNTY_DEPT("县直单位"),
  TOWNSHIP("乡镇");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  /** The Chinese label used in files, commands and replies. */
  public String label() {
    return label;
  }

  /** Parses a label as office staff write it: {@code 县直单位}, {@code 县直}, {@code 乡镇}, {@code 乡(镇)}. */
  public static Optional<Category> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().replace("（", "(").replace("）", ")");
    return switch (t) {
      case "县直单位", "县直", "县直部门", "部门" -> Optional.of(COUNTY_DEPT);
      case "乡镇", "乡(镇)", "乡镇政府", "乡" , "镇" -> Optional.of(TOWNSHIP);
      default -> Arrays.stream(values()).filter(c -> c.name().equalsIgnoreCase(t)).findFirst();
    };
  }
}
