package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.ops.SafeText;
import io.zwgk.bot.store.DedupeStore.Claim;
import io.zwgk.bot.store.DedupeStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform-neutral middle of every inbound path: claim the message id, draw on the sender's budget, run the
 * command, reply through the message's platform, @-mentioning the sender. Platform entry points reach it through
 * {@link InboundPipeline}, which calls {@link #claim} before acknowledging and {@link #process} after.
 */
public final class ChatService {
  private static final Logger log = LoggerFactory.getLogger(ChatService.class);
  /** The one answer to a sender over budget; then the robot stays silent for that sender. */
  static final Reply TOO_FAST = new Reply("发送太频繁", "发送太频繁，请稍后再试。");

  private final CommandHandler commands;
  private final Map<String, ReplyChannel> channels;
  private final Map<String, FileDownloader> files;
  private final Outbox outbox;
  private final InboundClaims claims;
  private final DedupeStore dedupe;
  private final Metrics metrics;
  private final Set<Future<Void>> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * Without per-sender limits or metrics (benchmarks, tests of other behaviour).
   *
   * @param channels reply channel per platform name
   * @param outbox where a reply whose direct delivery failed goes for durable retry
   */
  public ChatService(DedupeStore dedupe, CommandHandler commands, Map<String, ReplyChannel> channels, Outbox outbox) {
    this(dedupe, commands, channels, outbox, SenderLimits.none(), Clock.systemUTC(), Metrics.none());
  }

  /** With per-sender limits, without metrics. */
  public ChatService(DedupeStore dedupe, CommandHandler commands, Map<String, ReplyChannel> channels, Outbox outbox,
      SenderLimits limits, Clock clock) {
    this(dedupe, commands, channels, outbox, limits, clock, Metrics.none());
  }

  /**
   * @param limits each sender's budget
   * @param clock the time the budgets are drawn at
   * @param metrics counts claims (accepted, duplicate) and direct replies (sent, retry, throttled, dead)
   */
  public ChatService(DedupeStore dedupe, CommandHandler commands, Map<String, ReplyChannel> channels, Outbox outbox,
      SenderLimits limits, Clock clock, Metrics metrics) {
    this(dedupe, commands, channels, Map.of(), outbox, limits, clock, metrics);
  }

  /** As above, with the downloaders of the files that messages carry, per platform name. */
  public ChatService(DedupeStore dedupe, CommandHandler commands, Map<String, ReplyChannel> channels,
      Map<String, FileDownloader> files, Outbox outbox, SenderLimits limits, Clock clock, Metrics metrics) {
    this.commands = commands;
    this.channels = Map.copyOf(channels);
    this.files = Map.copyOf(files);
    this.outbox = outbox;
    this.claims = new InboundClaims(dedupe, limits, clock);
    this.dedupe = dedupe;
    this.metrics = metrics;
  }

  /** Completes when every reply in progress at the time of the call has finished (for a graceful shutdown). */
  public Future<Void> idle() {
    return Future.join(List.copyOf(inFlight)).transform(ar -> Future.succeededFuture());
  }

  /**
   * Claims the message id and draws the message on its sender's budget, in one Redis call; {@link Claim#first()} is
   * false for a redelivery. Never fails: when Redis cannot be reached the message counts as new and within budget.
   */
  Future<Claim> claim(InboundMessage message) {
    return claims.claim(message).onSuccess(claim -> metrics.inbound(message.platform(), claim.first()
        ? Metrics.Inbound.ACCEPTED : Metrics.Inbound.DUPLICATE));
  }

  /**
   * Claims the one use of a verified callback signature of {@code robot}, kept for {@code ttl}: true the first time,
   * false when it was used before (a replay). Fails when Redis cannot be reached; the entry point then refuses the
   * callback, because a signature that cannot be checked for reuse could be a replay.
   */
  Future<Boolean> claimSignature(String platform, String robot, String signature, Duration ttl) {
    return dedupe.claimSignature(platform, robot, signature, ttl);
  }

  /**
   * Answers a claimed message directly through its platform's reply channel: the command's answer within budget, the
   * one {@link #TOO_FAST} notice when first over it, nothing after that or for a redelivery. When the reply fails for
   * a reason a retry can cure (timeout, 5xx, throttling) it goes to the outbox and is delivered later; a permanent
   * failure is logged with the message id. Never fails the caller.
   */
  Future<Void> process(InboundMessage message, Claim claim) {
    ReplyChannel channel = channels.get(message.platform());
    if (channel == null) {
      log.error("no reply channel for platform {} (message {})", message.platform(), message.messageId());
      return Future.succeededFuture();
    }
    Future<Void> reply = switch (claim) {
      case WITHIN_BUDGET -> answer(channel, message, commands.handle(new CommandRequest(message.platform(),
          message.senderId(), message.senderName(), message.text(), message.file().map(f -> incoming(message, f)))));
      case OVER_BUDGET_NOTICE -> answer(channel, message, Future.succeededFuture(TOO_FAST));
      case OVER_BUDGET_SILENT, DUPLICATE -> Future.<Void>succeededFuture();
    };
    inFlight.add(reply);
    reply.onComplete(ar -> inFlight.remove(reply));
    return reply;
  }

  /** Claims the message, then processes it: for callers with nothing to acknowledge in between (tests, tools). */
  public Future<Void> handle(InboundMessage message) {
    return claim(message).compose(claim -> process(message, claim));
  }

  private Future<Void> answer(ReplyChannel channel, InboundMessage message, Future<Reply> answer) {
    return answer
        .map(reply -> new OutboundMessage(reply.title(), reply.text(), mention(message), List.of()))
        .compose(out -> channel.reply(message, out)
            .onSuccess(v -> {
              log.info("answered {} message {}", message.platform(), message.messageId());
              sent(message, Metrics.Send.SENT);
            })
            .recover(e -> retryLater(message, out, e)))
        .onFailure(e -> {
          log.error("reply to {} message {} lost: {}", message.platform(), message.messageId(), SafeText.of(e));
          sent(message, Metrics.Send.DEAD);
        })
        .otherwiseEmpty();
  }

  private IncomingFile incoming(InboundMessage message, Attachment file) {
    FileDownloader downloader = files.getOrDefault(message.platform(), FileDownloader.NONE);
    return new IncomingFile(file.fileName(), file.size(),
        max -> downloader.download(message, file, max).map(Buffer::getBytes));
  }

  private void sent(InboundMessage message, Metrics.Send result) {
    metrics.send(message.platform(), Metrics.Path.REPLY, result);
  }

  private Future<Void> retryLater(InboundMessage message, OutboundMessage out, Throwable cause) {
    if (cause instanceof PlatformException p && p.permanent()) {
      return Future.failedFuture(cause);
    }
    log.warn("reply to {} message {} failed ({}); queued for retry", message.platform(), message.messageId(),
        SafeText.of(cause));
    sent(message, cause instanceof PlatformException p && p.throttled() ? Metrics.Send.THROTTLED : Metrics.Send.RETRY);
    return outbox.reply(message, out).mapEmpty();
  }

  private static List<String> mention(InboundMessage message) {
    return message.senderId().isEmpty() ? List.of() : List.of(message.senderId());
  }
}
