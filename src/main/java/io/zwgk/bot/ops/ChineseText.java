package io.zwgk.bot.ops;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.text.UnicodeSetIterator;
import java.util.HashMap;
import java.util.Map;

/**
 * Traditional Chinese → simplified, character by character, from ICU's {@code Traditional-Simplified} transliterator
 * (CLDR data): {@code 農業農村局}, {@code 幫助} and {@code 鄉鎮} read as {@code 农业农村局}, {@code 帮助} and {@code 乡镇}. The
 * table (about 3,000 characters) is built once from ICU when the class loads (about half a second: {@link #load()} at
 * start-up, off the event loop); lookups are then linear in the text and thread-safe. ICU's own phrase-level
 * conversion is not used: it takes milliseconds per kilobyte, which hostile input would turn into a stalled loop.
 */
public final class ChineseText {
  private static final Map<Integer, Integer> SIMPLIFIED = table();

  private ChineseText() {
  }

  /** Loads the table now (call from start-up code, not from an event loop). */
  public static int load() {
    return SIMPLIFIED.size();
  }

  /** {@code text} with traditional characters replaced by simplified ones; null stays null. */
  public static String simplified(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      Integer s = c < 0x3400 ? null : SIMPLIFIED.get(c);
      if (s != null && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.appendCodePoint(s == null ? c : s);
      }
      i += Character.charCount(c);
    }
    return out == null ? text : out.toString();
  }

  private static Map<Integer, Integer> table() {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    Map<Integer, Integer> table = new HashMap<>();
    for (UnicodeSetIterator it = new UnicodeSetIterator(icu.getSourceSet()); it.next(); ) {
      if (it.codepoint == UnicodeSetIterator.IS_STRING) {
        continue;
      }
      String simplified = icu.transliterate(new String(Character.toChars(it.codepoint)));
      if (simplified.codePointCount(0, simplified.length()) == 1 && simplified.codePointAt(0) != it.codepoint) {
        table.put(it.codepoint, simplified.codePointAt(0));
      }
    }
    return Map.copyOf(table);
  }
}
