package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.bulletin.BulletinNumberTakenException;
import io.zwgk.bot.bulletin.BulletinPublishedException;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.bulletin.IssueDateException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code 月报 …} commands, for office staff only: preview and publish (with an issue date), the 期号, corrections
 * after publishing, narrative items and hand-entered counts.
 */
final class BulletinCommands {
  private final BulletinService bulletins;
  private final ZoneId zone;

  BulletinCommands(BulletinService bulletins, ZoneId zone) {
    this.bulletins = bulletins;
    this.zone = zone;
  }

  Future<String> preview(Command.BulletinPreview p, Asker asker) {
    YearMonth period = period(p.period());
    return dated(p.issueDay(), period, day -> bulletins.preview(asker.withoutUnit(), period, day)
        .map(BulletinReplies::previewed));
  }

  Future<String> publish(Command.BulletinPublish p, Asker asker) {
    YearMonth period = period(p.period());
    return dated(p.issueDay(), period, day -> locked(bulletins.publish(asker.withoutUnit(), period, day)
        .map(r -> BulletinReplies.published(r, zone))));
  }

  Future<String> number(Command.BulletinNumber n, Asker asker) {
    YearMonth period = period(n.period());
    return locked(bulletins.setNumber(asker.withoutUnit(), period, n.number())
        .map(v -> BulletinReplies.numberSet(period, n.number()))
        .recover(e -> e instanceof IllegalArgumentException
            ? Future.succeededFuture(BulletinReplies.badNumber()) : Future.failedFuture(e)));
  }

  Future<String> correct(Command.BulletinCorrect c, Asker asker) {
    return bulletins.correct(asker.withoutUnit(), period(c.period()), c.text())
        .map(BulletinReplies::corrected)
        .recover(e -> e instanceof IllegalArgumentException
            ? Future.succeededFuture(BulletinReplies.badCorrection()) : Future.failedFuture(e));
  }

  /** Runs {@code use} with the typed issue date (empty: today); a day that does not exist or is refused is answered. */
  private Future<String> dated(Optional<IssueDay> typed, YearMonth period,
      Function<Optional<LocalDate>, Future<String>> use) {
    Optional<LocalDate> day = typed.flatMap(d -> d.in(period));
    if (typed.isPresent() && day.isEmpty()) {
      return Future.succeededFuture(BulletinReplies.noSuchDay(typed.get(), period));
    }
    return use.apply(day).recover(e -> e instanceof IssueDateException d
        ? Future.succeededFuture(BulletinReplies.issueDateRefused(d)) : Future.failedFuture(e));
  }

  Future<String> list(Command.BulletinList l, Asker asker) {
    YearMonth period = period(l.period());
    return locked(bulletins.listItems(asker.withoutUnit(), period).map(items -> BulletinReplies.listed(period, items)));
  }

  Future<String> add(Command.BulletinAdd a, Asker asker) {
    YearMonth period = period(a.period());
    return locked(bulletins.addItem(asker.withoutUnit(), period, a.section(), a.text())
        .map(item -> BulletinReplies.added(period, item)));
  }

  Future<String> remove(Command.BulletinRemove r, Asker asker) {
    return locked(bulletins.removeItem(asker.withoutUnit(), r.id()).map(item -> BulletinReplies.removed(r.id(), item)));
  }

  Future<String> count(Command.BulletinCount c, Asker asker) {
    YearMonth period = period(c.period());
    return locked(bulletins.setCount(asker.withoutUnit(), period, c.name(), c.value())
        .map(v -> BulletinReplies.countSet(period, c.name(), c.value()))
        .recover(e -> e instanceof IllegalArgumentException
            ? Future.succeededFuture(BulletinReplies.unknownCount(c.name())) : Future.failedFuture(e)));
  }

  private Future<String> locked(Future<String> reply) {
    return reply.recover(e -> e instanceof BulletinPublishedException p
        ? Future.succeededFuture(BulletinReplies.locked(p, zone))
        : e instanceof BulletinNumberTakenException t ? Future.succeededFuture(BulletinReplies.numberTaken(t))
        : Future.failedFuture(e));
  }

  private YearMonth period(Optional<YearMonth> period) {
    return period.orElseGet(bulletins::defaultPeriod);
  }
}
