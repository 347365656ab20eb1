package io.zwgk.bot.chat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a message whose text exceeds a platform's limit into numbered parts ({@code (1/3)} …), each within the
 * limit in UTF-8 bytes. Cuts fall on line boundaries; a single line longer than the limit is cut between characters
 * (never inside a character or a surrogate pair). Mentions go with the first part only, so people are notified once.
 */
public final class MessageSplitter {
  /** Bytes kept free in every part for the {@code (i/n)} marker. */
  static final int MARKER_BYTES = 16;

  private MessageSplitter() {
  }

  public static List<OutboundMessage> split(OutboundMessage message, int maxBytes) {
    if (maxBytes <= MARKER_BYTES * 2) {
      throw new IllegalArgumentException("maxBytes too small: " + maxBytes);
    }
    if (bytes(message.markdown()) <= maxBytes) {
      return List.of(message);
    }
    List<String> chunks = chunks(message.markdown(), maxBytes - MARKER_BYTES);
    List<OutboundMessage> parts = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      String text = "(" + (i + 1) + "/" + chunks.size() + ")\n" + chunks.get(i);
      parts.add(i == 0 ? new OutboundMessage(message.title(), text, message.atUserIds(), message.atMobiles())
          : OutboundMessage.of(message.title() + " (" + (i + 1) + "/" + chunks.size() + ")", text));
    }
    return parts;
  }

  private static List<String> chunks(String text, int budget) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int used = 0;
    for (String line : text.split("\n", -1)) {
      for (String piece : pieces(line, budget)) {
        int cost = bytes(piece) + (current.length() == 0 ? 0 : 1);
        if (used + cost > budget && current.length() > 0) {
          chunks.add(current.toString());
          current.setLength(0);
          used = 0;
          cost = bytes(piece);
        }
        if (current.length() > 0) {
          current.append('\n');
        }
        current.append(piece);
        used += cost;
      }
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /** A line cut into pieces of at most {@code budget} bytes, each ending on a whole code point. */
  private static List<String> pieces(String line, int budget) {
    if (bytes(line) <= budget) {
      return List.of(line);
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    int used = 0;
    for (int i = 0; i < line.length(); ) {
      int cp = line.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > budget) {
        pieces.add(line.substring(start, i));
        start = i;
        used = 0;
      }
      used += size;
      i += Character.charCount(cp);
    }
    pieces.add(line.substring(start));
    return pieces;
  }

  static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
