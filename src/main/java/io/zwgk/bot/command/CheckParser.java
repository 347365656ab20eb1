package io.zwgk.bot.command;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code 检查 <单位>} on normalised text (also {@code 网站检查 <单位>}, {@code 检查网站 <单位>} and
 * {@code 检查<单位>} without a space); without a unit it is {@link Command.CheckUsage}.
 */
final class CheckParser {
  private static final Pattern COMMAND = Pattern.compile("^(?:网站)?检查(?:网站)?(.*)$");
  private static final Pattern EDGES = Pattern.compile("^[\\s:：,，、]+|[\\s:;,.、。!?！？：；，]+$");

  private CheckParser() {
  }

  /** The command when {@code text} starts with 检查, otherwise empty. */
  static Optional<Command> parse(String text) {
    Matcher m = COMMAND.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    String unit = EDGES.matcher(m.group(1)).replaceAll("");
    return Optional.of(unit.isEmpty() ? new Command.CheckUsage() : new Command.Check(unit));
  }
}
