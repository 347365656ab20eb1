package io.zwgk.bot.chat;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.ops.SafeText;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.OutboxStore.Claimed;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.RateLimitStore.Limit;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns delivery from the outbox: claims due lanes, waits for each robot's send budget, makes one attempt per head
 * message, and records the outcome (delivered, retry later, robot throttled, dead letter). Several instances may run
 * on one Redis: a lane is worked by one of them at a time.
 */
public final class OutboxVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(OutboxVerticle.class);

  private final OutboxStore store;
  private final RateLimitStore rates;
  private final Map<String, ChatPlatform> platforms;
  private final ChatConfig chat;
  private final Outbox outbox;
  private final DeliveryPolicy policy;
  private final Clock clock;
  private final Metrics metrics;
  private Future<Integer> inFlight;
  private boolean again;
  private boolean delivered;
  /** Names this dispatcher's sends in the robots' rate logs, so each reservation is a member of its own. */
  private final String instance = UUID.randomUUID().toString();
  private long sends;
  private boolean stopping;

  public OutboxVerticle(OutboxStore store, RateLimitStore rates, Map<String, ChatPlatform> platforms,
      ChatConfig chat, Outbox outbox, DeliveryPolicy policy, Clock clock) {
    this(store, rates, platforms, chat, outbox, policy, clock, Metrics.none());
  }

  /** As above, counting every attempt (sent, retry, throttled, dead) and dead letter in {@code metrics}. */
  public OutboxVerticle(OutboxStore store, RateLimitStore rates, Map<String, ChatPlatform> platforms,
      ChatConfig chat, Outbox outbox, DeliveryPolicy policy, Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.store = store;
    this.rates = rates;
    this.platforms = Map.copyOf(platforms);
    this.chat = chat;
    this.outbox = outbox;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(policy.pollInterval().toMillis(), id -> tick());
    outbox.onEnqueue(() -> context.runOnContext(v -> tick()));
    return Future.succeededFuture();
  }

  /** Starts no new round and lets the one in progress finish, so no claimed lane waits out its lease. */
  @Override
  public Future<?> stop() {
    stopping = true;
    return inFlight == null ? Future.succeededFuture() : inFlight.otherwise(0);
  }

  /**
   * Runs a complete round on this verticle's own context, after any round already running, and answers how many
   * lanes it worked (admin API, tests).
   */
  public Future<Integer> round() {
    Promise<Integer> done = Promise.promise();
    context.runOnContext(v -> (inFlight == null ? tick() : inFlight.transform(ar -> tick())).onComplete(done));
    return done.future();
  }

  /**
   * One round: claim due lanes and attempt each one's head message. Rounds never overlap: a round requested while
   * one runs is run right after it, as is the next when this one claimed a full batch or delivered anything (the
   * lanes it delivered on may have their next message due at once).
   */
  private Future<Integer> tick() {
    if (stopping) {
      return Future.succeededFuture(0);
    }
    if (inFlight != null) {
      again = true;
      return inFlight;
    }
    long now = clock.millis();
    delivered = false;
    Future<Integer> round = store.claim(now, now + policy.lease().toMillis(), policy.batch())
        .compose(claimed -> Future.join(claimed.stream().map(this::work).toList()).map(claimed.size()));
    inFlight = round;
    round.onComplete(ar -> {
      inFlight = null;
      if (ar.failed()) {
        log.warn("outbox round failed: {}", ar.cause().getMessage());
      } else if (again || delivered || ar.result() == policy.batch()) {
        again = false;
        context.runOnContext(v -> tick());
      }
    });
    return round;
  }

  private Future<Void> work(Claimed claimed) {
    OutboxEntry entry;
    try {
      entry = OutboxEntry.decode(claimed.payload());
    } catch (IllegalArgumentException e) {
      metrics.deadLetter("unknown");
      return store.dead(claimed, clock.millis(), e.getMessage());
    }
    String sendId = claimed.id() + "#" + instance + "-" + ++sends;
    List<Limit> limits = policy.limitsOf(entry.platform(), sendLimits(entry.platform()));
    long now = clock.millis();
    return rates.reserve(claimed.lane(), sendId, limits, now)
        .compose(wait -> wait > 0 ? waitForBudget(claimed, now + wait) : send(claimed, entry)
            .transform(sent -> settle(claimed.lane(), sendId, limits).transform(v -> record(claimed, entry, sent))))
        .recover(e -> {
          log.warn("outbox lane {} not worked: {}", claimed.lane(), e.getMessage());
          return Future.succeededFuture();
        });
  }

  /**
   * Puts the lane back until {@code dueAt}, when its robot's budget allows the next send, and looks again right then
   * (not a poll later). The timer is set after the lane is due in Redis, so it never fires before the lane can be
   * claimed.
   */
  private Future<Void> waitForBudget(Claimed claimed, long dueAt) {
    return store.reschedule(claimed, dueAt, false, null)
        .onSuccess(v -> vertx.setTimer(Math.max(1, dueAt - clock.millis()), id -> tick()));
  }

  /** Counts the send in its robot's budget from the moment the platform answered (see RateLimitStore#settle). */
  private Future<Void> settle(String lane, String send, List<Limit> limits) {
    return rates.settle(lane, send, limits, clock.millis()).recover(e -> {
      log.warn("outbox lane {}: send not moved to its answer time in the rate log: {}", lane, e.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> record(Claimed claimed, OutboxEntry entry, AsyncResult<Void> sent) {
    if (sent.failed()) {
      return failed(claimed, entry, sent.cause());
    }
    metrics.send(entry.platform(), Metrics.Path.OUTBOX, Metrics.Send.SENT);
    delivered = true;
    return store.delivered(claimed, clock.millis());
  }

  /** One attempt; a send that throws instead of failing (e.g. a malformed webhook URL) fails as a local error. */
  private Future<Void> send(Claimed claimed, OutboxEntry entry) {
    try {
      return attempt(claimed, entry);
    } catch (RuntimeException e) {
      return Future.failedFuture(PlatformException.local(entry.platform(), "could not send: " + SafeText.of(e)));
    }
  }

  private Future<Void> attempt(Claimed claimed, OutboxEntry entry) {
    ChatPlatform platform = platforms.get(entry.platform());
    if (platform == null) {
      return Future.failedFuture(PlatformException.local(entry.platform(), "platform not configured"));
    }
    if (entry.replyTo() != null) {
      return platform.replies().reply(entry.replyTo(), entry.message());
    }
    Optional<GroupConfig> group = chat.group(entry.group());
    return group.isEmpty()
        ? Future.failedFuture(PlatformException.local(entry.platform(), "group no longer configured"))
        : platform.groups().send(group.get(), entry.message(), claimed.id());
  }

  private Future<Void> failed(Claimed claimed, OutboxEntry entry, Throwable cause) {
    long now = clock.millis();
    String error = SafeText.of(cause);
    if (cause instanceof PlatformException p && p.throttled()) {
      Duration pause = policy.pauseOf(p.platform(), sendLimits(p.platform()));
      log.warn("{} robot of lane {} throttled by the platform; resting {}", p.platform(), claimed.lane(), pause);
      metrics.send(entry.platform(), Metrics.Path.OUTBOX, Metrics.Send.THROTTLED);
      return store.reschedule(claimed, now + pause.toMillis(), false, error);
    }
    boolean permanent = cause instanceof PlatformException p && p.permanent();
    if (permanent || claimed.attempts() + 1 >= policy.maxAttempts()) {
      log.error("outbox message {} on lane {} dead-lettered after {} attempts: {}", claimed.id(), claimed.lane(),
          claimed.attempts() + 1, error);
      metrics.send(entry.platform(), Metrics.Path.OUTBOX, Metrics.Send.DEAD);
      metrics.deadLetter(entry.platform());
      return store.dead(claimed, now, error).compose(v -> entry.alert() ? Future.succeededFuture()
          : outbox.alertOffice("dead:" + claimed.id(), "消息发送失败",
              "有 1 条消息未能发出（" + Markdown.literal(entry.message().title()) + "），原因："
                  + Markdown.literal(error)
                  + "。请检查机器人配置；可在 /api/v1/outbox?state=dead 查看。"));
    }
    long wait = policy.backoff(claimed.attempts() + 1, ThreadLocalRandom.current().nextDouble()).toMillis();
    log.warn("outbox message {} on lane {} failed (attempt {}), retrying in {} ms: {}", claimed.id(),
        claimed.lane(), claimed.attempts() + 1, wait, error);
    metrics.send(entry.platform(), Metrics.Path.OUTBOX, Metrics.Send.RETRY);
    return store.reschedule(claimed, now + wait, true, error);
  }

  private SendLimits sendLimits(String platform) {
    ChatPlatform p = platforms.get(platform);
    return p == null ? SendLimits.NONE : p.sendLimits();
  }

  /** Platforms by name, for wiring. */
  public static Map<String, ChatPlatform> byName(List<ChatPlatform> platforms) {
    Map<String, ChatPlatform> map = new java.util.HashMap<>();
    platforms.forEach(p -> map.put(p.name(), p));
    return map;
  }
}
