package io.zwgk.bot.bulletin;

import io.vertx.core.Future;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues a recorded 更正 to the groups its bulletin went to: the groups its publication recorded that chat.yaml
 * still has, else (a publication that recorded none) today's broadcast groups. Each group gets each correction once:
 * the outbox key is {@code bulletin-correction:{period}:{n}:{group}}. Call on a Vert.x context.
 */
final class Corrections {
  private static final Logger log = LoggerFactory.getLogger(Corrections.class);

  private final Outbox outbox;
  private final ChatConfig chat;
  private final Clock clock;

  Corrections(Outbox outbox, ChatConfig chat, Clock clock) {
    this.outbox = outbox;
    this.chat = chat;
    this.clock = clock;
  }

  CorrectionResult notPublished(YearMonth period) {
    return new CorrectionResult(CorrectionResult.Outcome.NOT_PUBLISHED, period, Optional.empty(), 0);
  }

  /**
   * Queues the correction, or for a repeat queues it again while the outbox keys still guard against sending it
   * twice (so only groups it had not reached get it); empty {@code recorded} means the month was not published.
   */
  Future<CorrectionResult> send(YearMonth period, Bulletin published, Optional<BulletinStore.Recorded> recorded) {
    if (recorded.isEmpty()) {
      return Future.succeededFuture(notPublished(period));
    }
    Correction c = recorded.get().correction();
    CorrectionResult.Outcome outcome = recorded.get().repeat() ? CorrectionResult.Outcome.REPEATED
        : CorrectionResult.Outcome.SENT;
    if (recorded.get().repeat() && !clock.instant().isBefore(c.correctedAt().plus(Outbox.REPEAT_GUARD))) {
      return Future.succeededFuture(new CorrectionResult(outcome, period, Optional.of(c), 0));
    }
    List<Future<Boolean>> sends = groups(published).stream().map(g -> outbox.toGroup(g,
        CorrectionMessage.of(published, c), "bulletin-correction:" + period + ":" + c.number() + ":" + g.name())
        .recover(e -> {
          log.warn("could not queue correction {} of the {} bulletin to group {}: {}", c.number(), period, g.name(),
              e.getMessage());
          return Future.succeededFuture(false);
        })).toList();
    return Future.all(sends).map(all -> new CorrectionResult(outcome, period, Optional.of(c),
        (int) sends.stream().filter(Future::result).count()));
  }

  private List<GroupConfig> groups(Bulletin published) {
    List<String> names = published.publication().orElseThrow().groups();
    if (names.isEmpty()) {
      return chat.broadcastGroups();
    }
    names.stream().filter(n -> chat.group(n).isEmpty())
        .forEach(n -> log.warn("group {} received the {} bulletin but is no longer in chat.yaml; it gets no correction",
            n, published.period()));
    return names.stream().flatMap(n -> chat.group(n).stream()).toList();
  }
}
