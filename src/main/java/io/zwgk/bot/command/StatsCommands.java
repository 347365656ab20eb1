package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitDirectory;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questions anyone may ask ({@code 完成率}, {@code 排名}, {@code 末五位}, {@code 概况}, {@code 工作日}) and
 * {@code 绑定}/{@code 解绑}: each reads what it needs and renders the reply, once per copy of a month's figures.
 */
final class StatsCommands {
  private final StatsStore stats;
  private final UnitDirectory units;
  private final WorkCalendar calendar;
  private final BulletinService bulletins;
  private final Clock clock;
  private final RenderedReplies rendered = new RenderedReplies();

  StatsCommands(StatsStore stats, UnitDirectory units, WorkCalendar calendar, BulletinService bulletins, Clock clock) {
    this.stats = stats;
    this.units = units;
    this.calendar = calendar;
    this.bulletins = bulletins;
    this.clock = clock;
  }

  UnitDirectory units() {
    return units;
  }

  Future<String> completion(Command.Completion c, Asker asker) {
    Future<Optional<String>> query = c.unitQuery().isPresent() ? Future.succeededFuture(c.unitQuery())
        : asker.actor().map(a -> a.unit());
    return query.compose(q -> q.isEmpty() ? Future.succeededFuture(Replies.needBinding())
        : resolve(q.get(), unit -> completionOf(unit, c.month())));
  }

  Future<String> ranking(Command.Ranking r) {
    return inMonth(r.month(), r.category(), p -> Replies.ranking(p, r.category()));
  }

  Future<String> bottomFive(Command.BottomFive b) {
    return inMonth(b.month(), "末五位", Replies::bottomFive);
  }

  Future<String> overview(Command.Overview o) {
    return inMonth(o.month(), "概况", p -> p.rows().isEmpty() ? Replies.noData() : bulletins.overview(p));
  }

  Future<String> workdays(Command.Workdays w) {
    return Future.succeededFuture(Replies.workdays(w.start(), w.n(), calendar.deadline(w.start(), w.n())));
  }

  Future<String> bind(Command.Bind b, Asker asker) {
    return units.bind(asker.withoutUnit(), b.unitQuery()).map(r -> r.map(StatsCommands::bound)
        .orElse("无法识别您的账号，不能绑定单位。"));
  }

  Future<String> unbind(Asker asker) {
    return units.unbind(asker.withoutUnit()).map(Replies::unbound);
  }

  private static String bound(Resolution r) {
    return r instanceof Resolution.Found f ? Replies.bound(f.unit()) : unresolved(r);
  }

  /** The reply when a unit query names no single unit. */
  static String unresolved(Resolution r) {
    return r instanceof Resolution.Ambiguous a ? Replies.ambiguous(a) : Replies.notFound((Resolution.NotFound) r);
  }

  private Future<String> completionOf(Unit unit, MonthQuery month) {
    return inMonth(month, new CompletionOf(unit.name()), p -> p.find(unit.name())
        .map(row -> Replies.completion(row, p)).orElseGet(() -> Replies.unitHasNoRow(unit, p.period())));
  }

  private Future<String> resolve(String query, Function<Unit, Future<String>> onFound) {
    return units.resolve(query).compose(r -> r instanceof Resolution.Found f ? onFound.apply(f.unit())
        : Future.succeededFuture(unresolved(r)));
  }

  /**
   * The reply {@code key} rendered from the statistics of the month asked about (once per copy of them); when that
   * month has none, which months have; when none has, that there are no figures yet.
   */
  private Future<String> inMonth(MonthQuery month, Object key, Function<PeriodStats, String> render) {
    return stats.periods().compose(available -> {
      YearMonth now = YearMonth.now(clock);
      Optional<YearMonth> meant = month.resolve(available, now);
      if (meant.isEmpty()) {
        return Future.succeededFuture(available.isEmpty() ? Replies.noData()
            : Replies.noSuchMonth(month.label(now), available));
      }
      return stats.period(meant.get())
          .map(p -> p.map(figures -> rendered.get(figures, key, render)).orElseGet(Replies::noData));
    });
  }

  /** The key of one unit's {@code 完成率} reply. */
  private record CompletionOf(String unit) {
  }
}
