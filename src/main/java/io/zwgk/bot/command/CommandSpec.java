package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.access.Action;
import java.util.Objects;

/**
 * One command as {@link CommandTable} declares it: the {@link Command} type it answers, the reply's title, the action
 * it performs (so who may use it), its help line and example, and its handler. The metrics name is the type's simple
 * name.
 *
 * @param help the line {@code 帮助} shows, empty when another command's line covers it (a usage reply, 逾期 under 待办)
 * @param example a text that parses to {@code type} (EveryCommandIT sends each one)
 */
record CommandSpec<C extends Command>(Class<C> type, String title, Action action, String help, String example,
    Handler<C> handler) {

  /** Answers one parsed command of the spec's type. */
  @FunctionalInterface
  interface Handler<C extends Command> {
    Future<String> answer(Handlers handlers, C command, Asker asker);
  }

  CommandSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(example, "example");
    Objects.requireNonNull(handler, "handler");
  }

  /** The name commands are timed by. */
  String metric() {
    return type.getSimpleName();
  }

  Future<String> answer(Handlers handlers, Command command, Asker asker) {
    return handler.answer(handlers, type.cast(command), asker);
  }
}
