package io.zwgk.bot.stats;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The two kinds of unit the bulletin reports on, each with its own attachment table and ranking. */
public enum Category {
  COUNTY_DEPT("县直单位"),
  TOWNSHIP("乡镇");

  private static final Pattern ATTACHMENT = Pattern.compile("附件([12])(\\D.*)?");

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

  /**
   * The category a sheet's name gives: one naming {@code 县直单位} (or {@code 县直}) or {@code 乡镇}, else
   * {@code 附件1} (county departments) or {@code 附件2} (townships), as the bulletin's own workbook names its sheets.
   */
  public static Optional<Category> fromSheetName(String name) {
    String n = Cells.normalized(name);
    if (n.contains("县直")) {
      return Optional.of(COUNTY_DEPT);
    }
    if (n.contains("乡镇")) {
      return Optional.of(TOWNSHIP);
    }
    var m = ATTACHMENT.matcher(n);
    return !m.matches() ? Optional.empty() : Optional.of(m.group(1).equals("1") ? COUNTY_DEPT : TOWNSHIP);
  }
}
