package io.zwgk.bot.store;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The reminder engine's state in Redis: units' {@code 收到} acknowledgements per day and snoozed items (the schedules'
 * last runs and lock are a {@link ScheduleStore}).
 */
public final class ReminderStore {
  private static final String SNOOZE = Keys.PREFIX + "remind:snooze";
  private static final Duration ACK_TTL = Duration.ofDays(3);

  private final Redis redis;

  public ReminderStore(Redis redis) {
    this.redis = redis;
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
