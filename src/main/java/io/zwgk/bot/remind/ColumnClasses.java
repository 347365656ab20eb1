package io.zwgk.bot.remind;

import java.util.List;
import java.util.Optional;

/**
 * The three update-frequency classes of a website column (domain rules §7.2) and the names office staff write for
 * them. Stored items carry the canonical label.
 */
final class ColumnClasses {
  static final String NEWS = "动态/要闻类";
  static final String NOTICES = "通知公告/政策文件类";
  static final String PLANS = "人事/规划计划类";
  static final List<String> ALL = List.of(NEWS, NOTICES, PLANS);

  private ColumnClasses() {}

  /** The canonical label for a compact cell text: the full label, either half of it, with or without 类. */
  static Optional<String> canonical(String compact) {
    String t = compact.replace('、', '/');
    t = t.endsWith("类") ? t.substring(0, t.length() - 1) : t;
    return switch (t) {
      case "动态/要闻", "动态", "要闻" -> Optional.of(NEWS);
      case "通知公告/政策文件", "通知公告", "政策文件" -> Optional.of(NOTICES);
      case "人事/规划计划", "人事", "规划计划" -> Optional.of(PLANS);
      default -> Optional.empty();
    };
  }
}
