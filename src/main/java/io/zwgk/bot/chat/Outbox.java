package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.store.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Where every message the robot sends by itself starts: it is split to the platform's size, written to the durable
 * outbox under an idempotency key, and left to the {@link OutboxVerticle} to deliver. Queuing the same key twice
 * queues nothing, so a replayed reminder run or a second instance cannot send twice.
 */
public final class Outbox {
  private final OutboxStore store;
  private final ChatConfig chat;
  private final ToIntFunction<String> maxBytes;
  private final Clock clock;
  private volatile Runnable wake = () -> { };

  /** @param maxBytes the text budget of one message per platform name */
  /** A key queued less than this long ago is certainly not queued again (the store keeps keys a day longer). */
  public static final Duration REPEAT_GUARD = OutboxStore.IDEMPOTENCY_TTL.minusDays(1);

  public Outbox(OutboxStore store, ChatConfig chat, ToIntFunction<String> maxBytes, Clock clock) {
    this.store = store;
    this.chat = chat;
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /** Lets the dispatcher deliver new messages at once instead of at its next poll. */
  void onEnqueue(Runnable wake) {
    this.wake = wake;
  }

  /** The most UTF-8 bytes of text one message to a group of this platform carries without being split. */
  public int maxBytes(String platform) {
    return maxBytes.applyAsInt(platform);
  }

  /** Messages waiting, per robot lane. */
  public Future<Map<String, Long>> depth() {
    return store.depth();
  }

  /** The outbox's running counters (queued, sent, retried, dead …). */
  public Future<Map<String, String>> counters() {
    return store.counters();
  }

  /** The newest dead letters, at most {@code limit}. */
  public Future<List<OutboxStore.DeadLetter>> deadLetters(int limit) {
    return store.deadLetters(limit);
  }

  /** Queues a message to a configured group. True when queued, false when this key was queued before. */
  public Future<Boolean> toGroup(GroupConfig group, OutboundMessage message, String idempotencyKey) {
    return enqueue(idempotencyKey, part -> new OutboxEntry(group.platform(), group.name(), null, part, false),
        split(group.platform(), message));
  }

  /**
   * Queues a reply whose direct delivery failed, for retry through the platform's reply channel. It is retried as it
   * was first sent, as one message, not split: the direct attempt sent it whole (WeCom's channel fits it to its size),
   * and a WeCom {@code response_url} takes a single message.
   */
  public Future<Boolean> reply(InboundMessage to, OutboundMessage message) {
    return enqueue("reply:" + to.platform() + ":" + to.messageId(),
        part -> new OutboxEntry(to.platform(), "", to, part, false), List.of(message));
  }

  /** Tells every office group about a delivery problem, once per key. */
  public Future<Void> alertOffice(String idempotencyKey, String title, String text) {
    List<Future<Boolean>> sent = chat.officeGroups().stream()
        .map(g -> enqueue(idempotencyKey + ":" + g.name(),
            part -> new OutboxEntry(g.platform(), g.name(), null, part, true),
            split(g.platform(), OutboundMessage.of(title, text))))
        .toList();
    return Future.join(sent).mapEmpty();
  }

  /** The message in parts that fit the platform's group sends, in sending order. */
  private List<OutboundMessage> split(String platform, OutboundMessage message) {
    return MessageSplitter.split(message, maxBytes.applyAsInt(platform));
  }

  private Future<Boolean> enqueue(String key, java.util.function.Function<OutboundMessage, OutboxEntry> entry,
      List<OutboundMessage> parts) {
    Map<String, String> payloads = new LinkedHashMap<>();
    String lane = null;
    for (int i = 0; i < parts.size(); i++) {
      OutboxEntry e = entry.apply(parts.get(i));
      lane = e.lane();
      payloads.put(java.util.UUID.randomUUID().toString(), e.encode());
    }
    return store.enqueue(key, lane, payloads, clock.millis()).onSuccess(queued -> {
      if (queued) {
        wake.run();
      }
    });
  }
}
