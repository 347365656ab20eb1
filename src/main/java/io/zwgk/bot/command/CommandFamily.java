package io.zwgk.bot.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Commands that start with the same words and share one argument grammar ({@code 月报 预览|发布|…}, {@code 工作日},
 * {@code 完成率}). The words are the ones a message starts with: a mention glued to one ends where it begins, and a
 * first word one character off one is read as it.
 *
 * @param words the leading words and their aliases, the first being the one help names
 * @param parser the family's grammar over normalised text; it gets {@code words} to match on
 * @param refusal the answer to someone who is not office staff, for the family's office-only commands
 * @param commands the commands this grammar yields, in help order
 */
record CommandFamily(List<String> words, Parser parser, String refusal, List<CommandSpec<?>> commands) {

  /** A family's grammar: the command when {@code text} is one of the family's, otherwise empty. */
  @FunctionalInterface
  interface Parser {
    Optional<Command> parse(String text, List<String> words);
  }

  CommandFamily {
    words = List.copyOf(words);
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(refusal, "refusal");
    commands = List.copyOf(commands);
    if (words.isEmpty() || commands.isEmpty()) {
      throw new IllegalArgumentException("a command family needs words and commands");
    }
  }

  Optional<Command> parse(String text) {
    return parser.parse(text, words);
  }
}
