package io.zwgk.bot.chat.wecom;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.regex.Pattern;

/** UTF-8 byte budgets and {@code <@userid>} mentions for WeCom message content. */
final class WeComText {
  static final String CUT_MARK = "\n…（内容过长，已截断）";
  private static final Pattern HTTP_URL = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

  private WeComText() {}

  static int bytes(String text) {
    return text.getBytes(UTF_8).length;
  }

  /**
   * {@code text} if it fits in {@code maxBytes} UTF-8 bytes, else its longest prefix that fits together with
   * {@link #CUT_MARK}, cut between code points, followed by the mark.
   */
  static String fit(String text, int maxBytes) {
    if (bytes(text) <= maxBytes) {
      return text;
    }
    int budget = maxBytes - bytes(CUT_MARK);
    int used = 0;
    int end = 0;
    while (end < text.length()) {
      int cp = text.codePointAt(end);
      int size = bytes(new String(Character.toChars(cp)));
      if (used + size > budget) {
        break;
      }
      used += size;
      end += Character.charCount(cp);
    }
    return text.substring(0, end) + CUT_MARK;
  }

  /** Appends {@code <@userid>} for every user id not yet mentioned that way, on a line of its own. */
  static String withMentions(String markdown, List<String> userIds) {
    StringBuilder tags = new StringBuilder();
    for (String id : userIds) {
      String tag = "<@" + id + ">";
      if (!id.isBlank() && !markdown.contains(tag) && tags.indexOf(tag) < 0) {
        tags.append(tags.length() == 0 ? "" : " ").append(tag);
      }
    }
    return tags.length() == 0 ? markdown : markdown + "\n" + tags;
  }

  static boolean isHttpUrl(String value) {
    return HTTP_URL.matcher(value).find();
  }
}
