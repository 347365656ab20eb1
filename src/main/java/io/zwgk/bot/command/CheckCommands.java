package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.monitor.MonitorBusyException;
import io.zwgk.bot.monitor.MonitorDeadlineException;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.UnitDirectory;
import java.util.Optional;

/** {@code 检查 <单位>} (office staff): runs the site monitor for one unit and answers its report. */
final class CheckCommands {
  private final MonitorService monitor;
  private final UnitDirectory units;

  CheckCommands(MonitorService monitor, UnitDirectory units) {
    this.monitor = monitor;
    this.units = units;
  }

  Future<String> check(Command.Check check, Asker asker) {
    return units.resolve(check.unitQuery()).compose(r -> r instanceof Resolution.Found f ? run(f.unit().name(), asker)
        : Future.succeededFuture(StatsCommands.unresolved(r)));
  }

  private Future<String> run(String unit, Asker asker) {
    return monitor.run(asker.withoutUnit(), Optional.of(unit)).map(report -> CheckReplies.report(unit, report))
        .recover(e -> e instanceof MonitorBusyException ? Future.succeededFuture(CheckReplies.busy())
            : e instanceof IllegalArgumentException ? Future.succeededFuture(CheckReplies.nothingToScan(unit))
            : e instanceof MonitorDeadlineException ? Future.succeededFuture(CheckReplies.deadline(unit))
            : Future.failedFuture(e));
  }
}
