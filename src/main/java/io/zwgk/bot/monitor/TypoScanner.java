package io.zwgk.bot.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds 错敏字 from the office's wrong-form → right-form dictionary. An occurrence that is part of the right form
 * itself (the dictionary pairs 李克 → 李克强, so 李克强 must not be flagged) is skipped. One hit per wrong form, with the
 * sentence of its first occurrence and how often it occurs. Pure.
 */
final class TypoScanner {
  private static final String SENTENCE_END = "。！？!?；;\n";
  private static final int MAX_SENTENCE = 120;

  private TypoScanner() {
  }

  /** A wrong form found in the text. */
  record Hit(String wrong, String right, String sentence, int count) {
    Hit {
      Objects.requireNonNull(wrong, "wrong");
      Objects.requireNonNull(right, "right");
      Objects.requireNonNull(sentence, "sentence");
    }
  }

  static List<Hit> find(String text, Map<String, String> dictionary) {
    List<Hit> hits = new ArrayList<>();
    dictionary.forEach((wrong, right) -> {
      int first = -1;
      int count = 0;
      for (int at = text.indexOf(wrong); at >= 0; at = text.indexOf(wrong, at + 1)) {
        if (!insideRightForm(text, at, wrong, right)) {
          first = first < 0 ? at : first;
          count++;
        }
      }
      if (count > 0) {
        hits.add(new Hit(wrong, right, sentence(text, first, wrong.length()), count));
      }
    });
    return hits;
  }

  private static boolean insideRightForm(String text, int at, String wrong, String right) {
    for (int k = right.indexOf(wrong); k >= 0; k = right.indexOf(wrong, k + 1)) {
      if (at - k >= 0 && text.startsWith(right, at - k)) {
        return true;
      }
    }
    return false;
  }

  private static String sentence(String text, int at, int length) {
    int start = at;
    while (start > 0 && SENTENCE_END.indexOf(text.charAt(start - 1)) < 0) {
      start--;
    }
    int end = at + length;
    while (end < text.length() && SENTENCE_END.indexOf(text.charAt(end)) < 0) {
      end++;
    }
    if (end < text.length() && text.charAt(end) != '\n') {
      end++;
    }
    String sentence = text.substring(start, end).strip();
    if (sentence.length() <= MAX_SENTENCE) {
      return sentence;
    }
    int from = Math.max(start, at - MAX_SENTENCE / 2);
    int to = Math.min(end, from + MAX_SENTENCE);
    return (from > start ? "…" : "") + text.substring(from, to).strip() + (to < end ? "…" : "");
  }
}
