package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.monitor.MonitorBusyException;
import io.zwgk.bot.monitor.MonitorDeadlineException;
import io.zwgk.bot.monitor.MonitorService;
import java.util.Optional;

/** {@code 检查 <单位>} (office staff): runs the site monitor for one unit and answers its report. */
final class CheckCommands {
  private final MonitorService monitor;

  CheckCommands(MonitorService monitor) {
    this.monitor = monitor;
  }

  static boolean handles(Command c) {
    return c instanceof Command.Check || c instanceof Command.CheckUsage;
  }

  /** @param resolve the unit query resolved to a unit name, or the reply explaining why not */
  Future<String> handle(Command command, boolean staff, java.util.function.Function<String, Future<Resolved>> resolve) {
    if (command instanceof Command.CheckUsage) {
      return Future.succeededFuture(CheckReplies.usage());
    }
    if (!staff) {
      return Future.succeededFuture(CheckReplies.officeOnly());
    }
    Command.Check check = (Command.Check) command;
    return resolve.apply(check.unitQuery()).compose(r -> r.unit().isEmpty() ? Future.succeededFuture(r.reply())
        : monitor.run(r.unit()).map(report -> CheckReplies.report(r.unit().get(), report))
            .recover(e -> e instanceof MonitorBusyException ? Future.succeededFuture(CheckReplies.busy())
                : e instanceof IllegalArgumentException ? Future.succeededFuture(CheckReplies.nothingToScan(r.unit().get()))
                : e instanceof MonitorDeadlineException ? Future.succeededFuture(CheckReplies.deadline(r.unit().get()))
                : Future.failedFuture(e)));
  }

  /** A unit query's outcome: the unit's name, or the reply to give instead (ambiguous, unknown). */
  record Resolved(Optional<String> unit, String reply) {
  }
}
