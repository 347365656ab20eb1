package io.zwgk.bot.chat;

import java.util.Objects;

/**
 * A command's answer: a short title and a body in plain Chinese (bold and line breaks at most).
 *
 * @param title notification title
 * @param text the body
 */
public record Reply(String title, String text) {
  public Reply {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(text, "text");
  }
}
