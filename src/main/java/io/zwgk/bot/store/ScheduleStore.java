package io.zwgk.bot.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/**
 * The state of one group of scheduled jobs: the slot each job last handled (hash {@code zwgk:<group>:last}, job name
 * → epoch ms) and the group's lock ({@code zwgk:<group>:lock}), so that a slot missed during a restart is caught up
 * once and two instances never both run one. Shared connection, no MULTI.
 */
public final class ScheduleStore {
  private final Redis redis;
  private final String group;
  private final String last;
  private final RedisLock lock;

  /** The state of {@code group}, e.g. {@code remind} or {@code monitor:schedule}. */
  public ScheduleStore(Redis redis, String group) {
    this.redis = redis;
    this.group = group;
    this.last = Keys.scheduleLast(group);
    this.lock = new RedisLock(redis, Keys.scheduleLock(group));
  }

  /** The group's name, for logs. */
  public String group() {
    return group;
  }

  /** The slot {@code job} last handled, empty before its first. */
  public Future<Optional<Instant>> lastSlot(String job) {
    return redis.call(c -> c.hget(last, job)).map(v -> Optional.ofNullable(v).map(Long::parseLong)
        .map(Instant::ofEpochMilli));
  }

  /** Records that {@code job} handled {@code slot}. */
  public Future<Void> setLastSlot(String job, Instant slot) {
    return redis.call(c -> c.hset(last, job, String.valueOf(slot.toEpochMilli()))).mapEmpty();
  }

  /** The group's lock: whoever holds it is the one instance that runs the group's slots. */
  public RedisLock lock() {
    return lock;
  }
}
