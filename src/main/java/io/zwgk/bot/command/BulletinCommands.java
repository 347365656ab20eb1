package io.zwgk.bot.command;

import io.vertx.core.Future;
import io.zwgk.bot.bulletin.BulletinPublishedException;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.chat.CommandRequest;
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

  Future<String> handle(Command.BulletinCommand command, CommandRequest request, boolean staff) {
    if (!staff) {
      return Future.succeededFuture(Replies.officeOnly());
    }
    return dispatch(command, request).recover(e -> e instanceof BulletinPublishedException p
        ? Future.succeededFuture(BulletinReplies.locked(p, zone)) : Future.failedFuture(e));
  }

  private Future<String> dispatch(Command.BulletinCommand command, CommandRequest request) {
    if (command instanceof Command.BulletinPreview p) {
      return bulletins.preview(period(p.period())).map(BulletinReplies::previewed);
    } else if (command instanceof Command.BulletinPublish p) {
      return bulletins.publish(period(p.period()), request.platform(), request.senderId(), request.senderName())
          .map(r -> BulletinReplies.published(r, zone));
    } else if (command instanceof Command.BulletinList l) {
      YearMonth period = period(l.period());
      return bulletins.listItems(period).map(items -> BulletinReplies.listed(period, items));
    } else if (command instanceof Command.BulletinAdd a) {
      YearMonth period = bulletins.defaultPeriod();
      return bulletins.addItem(period, a.section(), a.text(), who(request))
          .map(item -> BulletinReplies.added(period, item));
    } else if (command instanceof Command.BulletinRemove r) {
      return bulletins.removeItem(r.id()).map(item -> BulletinReplies.removed(r.id(), item));
    } else if (command instanceof Command.BulletinCount c) {
      YearMonth period = bulletins.defaultPeriod();
      return bulletins.setCount(period, c.name(), c.value())
          .map(v -> BulletinReplies.countSet(period, c.name(), c.value()))
          .recover(e -> e instanceof IllegalArgumentException ? Future.succeededFuture(BulletinReplies.unknownCount(c.name()))
              : Future.failedFuture(e));
    }
    return Future.succeededFuture(BulletinReplies.usage((Command.BulletinUsage) command));
  }

  private YearMonth period(Optional<YearMonth> period) {
    return period.orElseGet(bulletins::defaultPeriod);
  }

  private static String who(CommandRequest request) {
    return request.senderName().isBlank() ? request.senderId() : request.senderName();
  }
}
