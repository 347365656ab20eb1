package io.zwgk.bot.stats;

import java.util.Optional;

/**
 * What an imported unit name may be, since it is shown raw in chat rankings: at most {@value #MAX_CHARS} characters,
 * printable only (no control, format or private-use characters), not starting with a formula character
 * ({@code = + - @}, or their full-width forms), and none of the markdown characters {@value #MARKDOWN}. Full-width
 * brackets such as {@code （）【】} stay allowed. Pure.
 */
final class UnitNameRule {
  static final int MAX_CHARS = 40;
  static final String MARKDOWN = "[]()*_`<>~|\\#";
  private static final String FORMULA_START = "=+-@＝＋－＠";

  private UnitNameRule() {
  }

  /** Why {@code name} (already {@link Cells#clean cleaned}, not empty) cannot be a unit name; empty when it can. */
  static Optional<String> problem(String name) {
    if (name.codePointCount(0, name.length()) > MAX_CHARS) {
      return Optional.of("超过" + MAX_CHARS + "个字");
    }
    if (name.codePoints().anyMatch(UnitNameRule::unprintable)) {
      return Optional.of("含有控制字符或不可见字符");
    }
    if (FORMULA_START.indexOf(name.charAt(0)) >= 0) {
      return Optional.of("不能以 = + - @ 开头");
    }
    if (name.chars().anyMatch(c -> MARKDOWN.indexOf(c) >= 0)) {
      return Optional.of("不能含有 [ ] ( ) * _ ` < > ~ | \\ # 等符号（可用全角括号（））");
    }
    return Optional.empty();
  }

  /** {@code name} as a row error may quote it: control characters as {@code ?}, at most 20 characters. */
  static String shown(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().limit(20).forEach(cp -> out.appendCodePoint(unprintable(cp) ? '?' : cp));
    return name.codePointCount(0, name.length()) > 20 ? out + "…" : out.toString();
  }

  private static boolean unprintable(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
        || type == Character.SURROGATE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
