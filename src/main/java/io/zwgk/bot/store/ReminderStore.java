package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reminder engine's state in Redis: the last handled run of each schedule (so a missed run is caught up once),
 * the scheduler lock shared by instances, units' {@code 收到} acknowledgements per day, and snoozed items.
 */
public final class ReminderStore {
  private static final String LAST = Keys.PREFIX + "remind:last";
  private static final String LOCK = Keys.PREFIX + "remind:lock";
  private static final String SNOOZE = Keys.PREFIX + "remind:snooze";
  private static final Duration ACK_TTL = Duration.ofDays(3);

  private static final Script LOCK_SCRIPT = Script.of("""
      if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
      if redis.call('GET', KEYS[1]) == ARGV[1] then
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
      end
      return 0
      """);

  private static final Script RELEASE_SCRIPT = Script.of("""
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """);

  private final Redis redis;

  public ReminderStore(Redis redis) {
    this.redis = redis;
  }

  /** When the schedule's last run (epoch ms) was handled, empty before its first. */
  public Future<Optional<Long>> lastRun(String schedule) {
    return redis.call(c -> c.hget(LAST, schedule)).map(v -> Optional.ofNullable(v).map(Long::parseLong));
  }

  public Future<Void> setLastRun(String schedule, long epochMs) {
    return redis.call(c -> c.hset(LAST, schedule, String.valueOf(epochMs))).mapEmpty();
  }

  /** Takes (or, for its holder, extends) the scheduler lock for {@code ttl}; true when {@code owner} holds it. */
  public Future<Boolean> lock(String owner, Duration ttl) {
    String[] keys = {LOCK};
    return redis.<Long>eval(LOCK_SCRIPT, ScriptOutputType.INTEGER, keys, owner,
        String.valueOf(ttl.toMillis())).map(n -> n == 1L);
  }

  /** Gives the scheduler lock up if {@code owner} holds it (at shutdown); true when it was released. */
  public Future<Boolean> release(String owner) {
    String[] keys = {LOCK};
    return redis.<Long>eval(RELEASE_SCRIPT, ScriptOutputType.INTEGER, keys, owner).map(n -> n == 1L);
  }

  /** Records that a unit acknowledged ({@code 收到}) its reminders on a day. */
  public Future<Void> ack(String unit, LocalDate day) {
    String key = Keys.PREFIX + "remind:ack:" + day;
    return redis.call(c -> c.sadd(key, unit)).compose(n -> redis.call(c -> c.expire(key, ACK_TTL))).mapEmpty();
  }

  public Future<Set<String>> acks(LocalDate day) {
    return redis.call(c -> c.smembers(Keys.PREFIX + "remind:ack:" + day)).map(HashSet::new);
  }

  /** Mutes an item's reminders up to and including {@code until}. */
  public Future<Void> snooze(String itemId, LocalDate until) {
    return redis.call(c -> c.hset(SNOOZE, itemId, until.toString())).mapEmpty();
  }

  /** Item id → last muted day. */
  public Future<Map<String, LocalDate>> snoozes() {
    return redis.call(c -> c.hgetall(SNOOZE)).map(h -> {
      Map<String, LocalDate> out = new HashMap<>();
      h.forEach((id, day) -> out.put(id, LocalDate.parse(day)));
      return out;
    });
  }
}
