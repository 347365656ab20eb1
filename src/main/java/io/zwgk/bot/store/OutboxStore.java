package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The durable outbox: every message the robot sends by itself is written here before any attempt, and leaves only
 * when the platform accepted it or it was dead-lettered. Messages wait in one FIFO lane per sending robot
 * ({@code zwgk:outbox:lane:{lane}}); a sorted set of lanes holds when each lane may next be worked. A dispatcher
 * claims a lane with a lease (its score moves to the lease end), so one lane is worked by one instance at a time and
 * a crashed instance's lanes are taken over when the lease runs out. Every step is one Lua script, so a step is
 * applied whole or not at all.
 */
public final class OutboxStore {
  static final String LANES = Keys.PREFIX + "outbox:lanes";
  static final String DEAD = Keys.PREFIX + "outbox:dead";
  static final String COUNTERS = Keys.PREFIX + "outbox:counters";
  static final String LANE_PREFIX = Keys.PREFIX + "outbox:lane:";
  static final String MSG_PREFIX = Keys.PREFIX + "outbox:msg:";
  static final String IDEM_PREFIX = Keys.PREFIX + "outbox:idem:";
  /** How long a queued idempotency key keeps the same key from being queued again. */
  public static final Duration IDEMPOTENCY_TTL = Duration.ofDays(35);

  /** A lane's head message handed to a dispatcher. */
  public record Claimed(String lane, String id, String payload, int attempts) {
  }

  /** A dead-lettered message. */
  public record DeadLetter(String id, String lane, String payload, int attempts, String lastError, long deadAt) {
  }

  /**
   * What waits in the outbox at one moment.
   *
   * @param messages messages queued in all lanes
   * @param oldestAgeMs age of the oldest queued message, 0 when none waits
   * @param dead messages in the dead letters
   */
  public record Backlog(long messages, long oldestAgeMs, long dead) {
  }

  private final Redis redis;

  public OutboxStore(Redis redis) {
    this.redis = redis;
  }

  /**
   * Queues the parts of one message at the end of {@code lane}, all or none. A second call with the same
   * {@code idempotencyKey} (within {@link #IDEMPOTENCY_TTL}) queues nothing and answers false.
   *
   * @param parts message id → payload, in sending order
   */
  public Future<Boolean> enqueue(String idempotencyKey, String lane, Map<String, String> parts, long nowMs) {
    List<String> args = new ArrayList<>(List.of(lane, String.valueOf(nowMs),
        String.valueOf(IDEMPOTENCY_TTL.toSeconds()), MSG_PREFIX, String.join(",", parts.keySet())));
    parts.forEach((id, payload) -> {
      args.add(id);
      args.add(payload);
    });
    String[] keys = {IDEM_PREFIX + idempotencyKey, LANE_PREFIX + lane, LANES};
    return redis.<Long>eval(OutboxScripts.ENQUEUE, ScriptOutputType.INTEGER, keys,
        args.toArray(String[]::new)).map(n -> n == 1L);
  }

  /** Claims up to {@code limit} lanes that are due, leasing each until {@code leaseUntilMs}; answers their heads. */
  public Future<List<Claimed>> claim(long nowMs, long leaseUntilMs, int limit) {
    String[] keys = {LANES};
    return redis.<List<Object>>eval(OutboxScripts.CLAIM, ScriptOutputType.MULTI, keys,
        String.valueOf(nowMs), String.valueOf(leaseUntilMs), String.valueOf(limit), LANE_PREFIX, MSG_PREFIX)
        .map(OutboxStore::claimed);
  }

  private static List<Claimed> claimed(List<Object> flat) {
    List<Claimed> out = new ArrayList<>(flat.size() / 4);
    for (int i = 0; i + 3 < flat.size(); i += 4) {
      out.add(new Claimed((String) flat.get(i), (String) flat.get(i + 1), (String) flat.get(i + 2),
          Integer.parseInt((String) flat.get(i + 3))));
    }
    return out;
  }

  /** The head message was delivered: remove it; the lane may be worked again from {@code nextAtMs}. */
  public Future<Void> delivered(Claimed c, long nextAtMs) {
    String[] keys = {LANE_PREFIX + c.lane(), LANES, MSG_PREFIX + c.id(), COUNTERS};
    return redis.<Long>eval(OutboxScripts.DELIVERED, ScriptOutputType.INTEGER, keys,
        c.id(), c.lane(), String.valueOf(nextAtMs)).mapEmpty();
  }

  /**
   * The head stays; the lane waits until {@code nextAtMs}. A failed attempt counts ({@code failed}) with its error;
   * a wait for the rate limit or a throttled robot does not.
   */
  public Future<Void> reschedule(Claimed c, long nextAtMs, boolean failed, String error) {
    String[] keys = {LANES, MSG_PREFIX + c.id(), COUNTERS};
    return redis.<Long>eval(OutboxScripts.RESCHEDULE, ScriptOutputType.INTEGER, keys,
        c.lane(), String.valueOf(nextAtMs), failed ? "1" : "0", error == null ? "" : error).mapEmpty();
  }

  /** Gives up on the head message: it moves to the dead letters and the lane goes on with the next one. */
  public Future<Void> dead(Claimed c, long nowMs, String error) {
    String[] keys = {LANE_PREFIX + c.lane(), LANES, MSG_PREFIX + c.id(), DEAD, COUNTERS};
    return redis.<Long>eval(OutboxScripts.DEAD, ScriptOutputType.INTEGER, keys,
        c.id(), c.lane(), String.valueOf(nowMs), error == null ? "" : error).mapEmpty();
  }

  /** The newest dead letters, newest first. */
  public Future<List<DeadLetter>> deadLetters(int limit) {
    return redis.call(c -> c.zrevrange(DEAD, 0, limit - 1L)).compose(ids -> Future.all(ids.stream()
        .map(id -> redis.call(c -> c.hgetall(MSG_PREFIX + id)).map(h -> deadLetter(id, h))).toList())
        .map(all -> all.<DeadLetter>list()));
  }

  private static DeadLetter deadLetter(String id, Map<String, String> h) {
    return new DeadLetter(id, h.getOrDefault("lane", ""), h.getOrDefault("payload", ""),
        Integer.parseInt(h.getOrDefault("attempts", "0")), h.getOrDefault("lastError", ""),
        Long.parseLong(h.getOrDefault("deadAt", "0")));
  }

  /** Messages waiting, per lane. */
  public Future<Map<String, Long>> depth() {
    return redis.call(c -> c.zrange(LANES, 0, -1)).compose(lanes -> Future.all(lanes.stream()
        .map(lane -> redis.call(c -> c.llen(LANE_PREFIX + lane)).map(n -> Map.entry(lane, n))).toList())
        .map(all -> {
          Map<String, Long> depth = new java.util.TreeMap<>();
          all.<Map.Entry<String, Long>>list().forEach(e -> depth.put(e.getKey(), e.getValue()));
          return depth;
        }));
  }

  /** How many messages wait, how old the oldest is at {@code nowMs}, how many are dead letters: one script. */
  public Future<Backlog> backlog(long nowMs) {
    String[] keys = {LANES, DEAD};
    return redis.<List<Object>>eval(OutboxScripts.BACKLOG, ScriptOutputType.MULTI, keys, LANE_PREFIX,
        MSG_PREFIX).map(r -> {
          long oldest = (Long) r.get(1);
          return new Backlog((Long) r.get(0), oldest < 0 ? 0 : Math.max(0, nowMs - oldest), (Long) r.get(2));
        });
  }

  /** Lifetime counters: sent, retries, dead. */
  public Future<Map<String, String>> counters() {
    return redis.call(c -> c.hgetall(COUNTERS));
  }
}
