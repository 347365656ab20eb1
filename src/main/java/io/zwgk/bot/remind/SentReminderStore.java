package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of reminders sent to units, one hash per month {@code zwgk:remind:sent:{yyyy-MM}}: field
 * {@code {day}|{item id}|{state}} → JSON {@code {unit, kind, deadline}}. A day's reminders of one item in one state
 * are one entry, so a replayed run or a second schedule on the same day adds nothing. Kept about 13 months. Shared
 * connection, no MULTI.
 */
public final class SentReminderStore {
  static final String PREFIX = Keys.PREFIX + "remind:sent:";
  private static final Duration KEEP = Duration.ofDays(400);
  private static final Comparator<SentReminder> ORDER = Comparator.comparing(SentReminder::day)
      .thenComparing(SentReminder::itemId).thenComparing(SentReminder::state);
  private static final Logger log = LoggerFactory.getLogger(SentReminderStore.class);

  private final Redis redis;

  public SentReminderStore(Redis redis) {
    this.redis = redis;
  }

  /** Records reminders, each in the month of its day. */
  public Future<Void> record(List<SentReminder> sent) {
    Map<YearMonth, List<SentReminder>> byMonth = sent.stream()
        .collect(Collectors.groupingBy(s -> YearMonth.from(s.day()), LinkedHashMap::new, Collectors.toList()));
    return Future.all(byMonth.entrySet().stream().map(e -> record(e.getKey(), e.getValue())).toList()).mapEmpty();
  }

  private Future<Void> record(YearMonth month, List<SentReminder> sent) {
    Map<String, String> fields = new LinkedHashMap<>();
    sent.forEach(s -> fields.put(s.day() + "|" + s.itemId() + "|" + s.state(), new JsonObject().put("unit", s.unit())
        .put("kind", s.kind().path()).put("deadline", s.deadline().toString()).encode()));
    String key = key(month);
    return redis.call(c -> c.hset(key, fields)).compose(n -> redis.call(c -> c.expire(key, KEEP))).mapEmpty();
  }

  /** The month's reminders by day, item and state; an unreadable entry is skipped (and logged). */
  public Future<List<SentReminder>> month(YearMonth month) {
    return redis.call(c -> c.hgetall(key(month))).map(hash -> {
      List<SentReminder> out = new ArrayList<>();
      hash.forEach((field, json) -> {
        try {
          out.add(decode(field, json));
        } catch (RuntimeException e) {
          log.warn("skipping unreadable sent-reminder entry {}: {}", field, e.getMessage());
        }
      });
      out.sort(ORDER);
      return out;
    });
  }

  private static SentReminder decode(String field, String json) {
    String[] parts = field.split("\\|", 3);
    JsonObject o = new JsonObject(json);
    return new SentReminder(LocalDate.parse(parts[0]), parts[1],
        TrackedKind.fromPath(o.getString("kind")).orElseThrow(), o.getString("unit"), DueState.valueOf(parts[2]),
        LocalDate.parse(o.getString("deadline")));
  }

  static String key(YearMonth month) {
    return PREFIX + month;
  }
}
