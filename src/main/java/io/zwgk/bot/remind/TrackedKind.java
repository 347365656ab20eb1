package io.zwgk.bot.remind;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of deadline the office tracks, each imported at {@code /api/v1/tracked/{path}}. */
public enum TrackedKind {
  COLUMNS("columns", "网站栏目"),
  ACCOUNTS("accounts", "政务新媒体"),
  TASKS("tasks", "工作任务"),
  OPENDAYS("opendays", "政府开放日"),
  POLICIES("policies", "政策解读"),
  LETTERS("letters", "依申请公开"),
  FINDINGS("findings", "整改问题");

  private final String path;
  private final String label;

  TrackedKind(String path, String label) {
    this.path = path;
    this.label = label;
  }

  public String path() {
    return path;
  }

  public String label() {
    return label;
  }

  public static Optional<TrackedKind> fromPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }
}
