package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.bulletin.BulletinPublishedException;
import io.zwgk.bot.bulletin.BulletinService;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/** The {@code 月报 …} commands, for office staff only: preview, publish, narrative items and hand-entered counts. */
final class BulletinCommands {
  private final BulletinService bulletins;
  private final ZoneId zone;

  BulletinCommands(BulletinService bulletins, ZoneId zone) {
    this.bulletins = bulletins;
    this.zone = zone;
  }

  Future<String> preview(Command.BulletinPreview p, Asker asker) {
    return locked(bulletins.preview(asker.withoutUnit(), period(p.period())).map(BulletinReplies::previewed));
  }

  Future<String> publish(Command.BulletinPublish p, Asker asker) {
    return locked(bulletins.publish(asker.withoutUnit(), period(p.period()))
        .map(r -> BulletinReplies.published(r, zone)));
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
        ? Future.succeededFuture(BulletinReplies.locked(p, zone)) : Future.failedFuture(e));
  }

  private YearMonth period(Optional<YearMonth> period) {
    return period.orElseGet(bulletins::defaultPeriod);
  }
}
