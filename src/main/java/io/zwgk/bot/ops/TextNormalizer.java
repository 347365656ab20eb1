package io.zwgk.bot.ops;

import java.text.Normalizer;

/**
 * The one cleaner for text that is matched (chat messages, spreadsheet cells, unit names, page text): each operation
 * does one job, and callers compose the ones they need. Every operation is pure, linear in the text, thread-safe, and
 * reads {@code null} as empty.
 *
 * <p>Blanks are whitespace and Unicode space characters (the ideographic space {@code U+3000} and the no-break space
 * included); invisible characters are the zero-width space, non-joiner and joiner ({@code U+200B}–{@code U+200D}),
 * the word joiner ({@code U+2060}) and the byte-order mark ({@code U+FEFF}), which Excel, WeChat and web editors leave
 * inside words. County and city names at the start of unit names are not text-level: see
 * {@code io.zwgk.bot.stats.UnitNames}, built from bot-config.
 */
public final class TextNormalizer {
  private TextNormalizer() {
  }

  /** NFKC: full-width letters, digits and punctuation become ASCII, the ideographic space a space. */
  public static String widthFolded(String text) {
    return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
  }

  /** Traditional characters read as simplified ({@code 農業農村局} → {@code 农业农村局}), via {@link ChineseText}. */
  public static String simplified(String text) {
    return ChineseText.simplified(text == null ? "" : text);
  }

  /** Invisible characters removed; everything else, blanks included, kept. */
  public static String visible(String text) {
    return kept(text, false);
  }

  /**
   * Invisible characters removed, each run of blanks (line breaks included) one space, trimmed: the form of free text
   * whose words must stay apart (a chat message, a task title, a line of a page).
   */
  public static String spaced(String text) {
    String visible = visible(text);
    StringBuilder out = new StringBuilder(visible.length());
    boolean blank = false;
    for (int i = 0; i < visible.length(); ) {
      int cp = visible.codePointAt(i);
      if (isBlank(cp)) {
        blank = out.length() > 0;
      } else {
        if (blank) {
          out.append(' ');
          blank = false;
        }
        out.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  /**
   * Invisible characters and every blank removed: the form of a short name or value that staff type with stray spaces
   * ({@code 县 水利局}, {@code 1 234}).
   */
  public static String unspaced(String text) {
    return kept(text, true);
  }

  /**
   * A chat message as commands are parsed: {@link #widthFolded}, {@link #simplified}, then {@link #spaced}
   * ({@code ＠機器人　完成率} → {@code @机器人 完成率}).
   */
  public static String message(String text) {
    return spaced(simplified(widthFolded(text)));
  }

  private static String kept(String text, boolean dropBlanks) {
    String t = text == null ? "" : text;
    StringBuilder out = new StringBuilder(t.length());
    t.codePoints().filter(cp -> !isInvisible(cp) && !(dropBlanks && isBlank(cp))).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean isBlank(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
  }

  private static boolean isInvisible(int cp) {
    return cp >= 0x200B && cp <= 0x200D || cp == 0x2060 || cp == 0xFEFF;
  }
}
