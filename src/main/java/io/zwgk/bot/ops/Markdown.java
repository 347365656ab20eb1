package io.zwgk.bot.ops;

import java.util.regex.Pattern;

/**
 * Text from users and imports (command arguments echoed back, unit names, notes, narrative items, page excerpts) made
 * literal for every platform's markdown before it goes into a message: the robot only ever shows links, images,
 * mentions and formatting it made itself.
 *
 * <p>One rule serves all three platforms, because their markdown dialects differ and none documents a reliable
 * backslash escape (DingTalk and WeCom markdown, WeCom {@code <@userid>} mentions, DingTalk PC's raw HTML, Feishu
 * {@code <at user_id=…>} in text messages; Feishu post text elements show everything literally, so a backslash would
 * show too). Every character that opens markup is replaced by its full-width twin, which reads the same in Chinese
 * text: {@code * _ ` ~ [ ] ( ) < > ! # | \ @ &} become {@code ＊ ＿ ｀ ～ ［ ］ （ ） ＜ ＞ ！ ＃ ｜ ＼ ＠ ＆}; {@code ://} becomes
 * {@code ：//} and {@code www.} becomes {@code www．} so that no client turns an address into a link; every run of
 * whitespace, line breaks included, becomes one space, so the text cannot start a heading, quote or list line.
 */
public final class Markdown {
  private static final String MARKUP = "*_`~[]()<>!#|\\@&";
  private static final String FULL_WIDTH = "＊＿｀～［］（）＜＞！＃｜＼＠＆";
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u2028\\u2029\\u0085]+");
  private static final Pattern SCHEME = Pattern.compile(":(?=//)");
  private static final Pattern WWW = Pattern.compile("(?i)(\\bwww)\\.");

  private Markdown() {
  }

  /** {@code text} as literal, single-line markdown; empty for {@code null}. */
  public static String literal(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String flat = WHITESPACE.matcher(text).replaceAll(" ").strip();
    StringBuilder out = new StringBuilder(flat.length());
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      int at = MARKUP.indexOf(c);
      out.append(at >= 0 ? FULL_WIDTH.charAt(at) : c);
    }
    String unlinked = SCHEME.matcher(out).replaceAll("：");
    return WWW.matcher(unlinked).replaceAll("$1．");
  }
}
