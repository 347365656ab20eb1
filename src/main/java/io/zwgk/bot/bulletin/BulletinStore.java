package io.zwgk.bot.bulletin;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.stats.Periods;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.Script;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin's own data in Redis. Per month a hash {@code zwgk:bulletin:{YYYY-MM}} holds the narrative items
 * ({@code item:{id}} → JSON), the hand-entered counts ({@code count:{name}} → number) and, once published, the frozen
 * bulletin ({@code published} → JSON), written with HSETNX so exactly one publication wins. Item ids come from
 * {@code zwgk:bulletin:seq} and are unique across months; {@code zwgk:bulletin:items} maps id → month so an item can be
 * removed by id alone. {@code zwgk:bulletin:findings} is the set of finding ids that publications created. Every
 * change is one Lua script that refuses to touch a published month. The 期号: {@code number} in the month's hash
 * is the one staff set for the draft; {@code zwgk:bulletin:numbers:{YYYY}} maps each published month of the year to
 * its number, written with the publication, so no two published months of a year share one. Corrections of a
 * published month are {@code correction:{n}} → JSON, numbered by {@code corrections}; they never touch
 * {@code published}.
 */
public final class BulletinStore {
  private static final Logger log = LoggerFactory.getLogger(BulletinStore.class);
  static final String PREFIX = Keys.PREFIX + "bulletin:";
  static final String SEQ = PREFIX + "seq";
  static final String ITEM_INDEX = PREFIX + "items";
  static final String FINDINGS = PREFIX + "findings";
  static final String NUMBERS = PREFIX + "numbers:";
  private static final String PUBLISHED = "published";
  private static final String ITEM = "item:";
  private static final String COUNT = "count:";
  private static final String NUMBER = "number";
  private static final String CORRECTION = "correction:";
  private static final String TAKEN = """
      local all = redis.call('HGETALL', KEYS[2])
      for i = 1, #all, 2 do
        if all[i + 1] == ARGV[1] and all[i] ~= ARGV[2] then return {'taken', all[i]} end
      end
      """;
  private static final String GUARD = "local p = redis.call('HGET', KEYS[1], 'published')\n"
      + "if p then return {'published', p} end\n";
  private static final Script ADD = Script.of(GUARD + """
      local id = tostring(redis.call('INCR', KEYS[2]))
      redis.call('HSET', KEYS[1], 'item:' .. id, ARGV[2])
      redis.call('HSET', KEYS[3], id, ARGV[1])
      return {'ok', id}
      """);
  private static final Script REMOVE = Script.of(GUARD + """
      local json = redis.call('HGET', KEYS[1], 'item:' .. ARGV[1])
      if not json then return {'gone'} end
      redis.call('HDEL', KEYS[1], 'item:' .. ARGV[1])
      redis.call('HDEL', KEYS[2], ARGV[1])
      return {'ok', json}
      """);
  private static final Script SET_COUNT = Script.of(GUARD + """
      redis.call('HSET', KEYS[1], 'count:' .. ARGV[1], ARGV[2])
      return {'ok'}
      """);
  private static final Script PUBLISH = Script.of(GUARD + TAKEN + """
      redis.call('HSET', KEYS[1], 'published', ARGV[3])
      redis.call('HSET', KEYS[2], ARGV[2], ARGV[1])
      return {'ok'}
      """);
  private static final Script SET_NUMBER = Script.of(GUARD + TAKEN + """
      redis.call('HSET', KEYS[1], 'number', ARGV[1])
      return {'ok'}
      """);
  private static final Script CORRECT = Script.of("""
      if not redis.call('HGET', KEYS[1], 'published') then return {'draft'} end
      local n = tonumber(redis.call('HGET', KEYS[1], 'corrections') or '0')
      for i = 1, n do
        local c = redis.call('HGET', KEYS[1], 'correction:' .. i)
        if c and cjson.decode(c).text == ARGV[2] then return {'same', tostring(i), c} end
      end
      n = redis.call('HINCRBY', KEYS[1], 'corrections', 1)
      redis.call('HSET', KEYS[1], 'correction:' .. n, ARGV[1])
      return {'ok', tostring(n)}
      """);

  private final Redis redis;

  public BulletinStore(Redis redis) {
    this.redis = redis;
  }

  /** Everything stored for the month; empty lists and no publication when nothing is. */
  public Future<BulletinState> load(YearMonth period) {
    return redis.call(c -> c.hgetall(key(period))).map(hash -> decode(period, hash));
  }

  /**
   * Adds a narrative item and answers it with its new id.
   *
   * @throws BulletinPublishedException (as a failed future) when the month is already published
   */
  public Future<NarrativeItem> addItem(YearMonth period, String section, String text, String by, Instant at) {
    NarrativeItem draft = new NarrativeItem("0", section, text, by, at);
    String json = BulletinJson.toJson(draft).encode();
    return script(period, ADD, new String[] {key(period), SEQ, ITEM_INDEX}, period.toString(), json)
        .map(r -> new NarrativeItem(r.get(1), section, text, by, at));
  }

  /**
   * Removes an item by id alone; empty when no item has that id.
   *
   * @throws BulletinPublishedException (as a failed future) when its month is already published
   */
  public Future<Optional<NarrativeItem>> removeItem(String id) {
    return removeItem(Optional.empty(), id);
  }

  /**
   * Removes an item by id, only when it belongs to {@code month} if one is given; empty when no such item exists
   * (an id of another month, or a stored month that does not read, counts as none).
   *
   * @throws BulletinPublishedException (as a failed future) when its month is already published
   */
  public Future<Optional<NarrativeItem>> removeItem(Optional<YearMonth> month, String id) {
    return redis.call(c -> c.hget(ITEM_INDEX, id)).compose(stored -> {
      Optional<YearMonth> period = stored == null ? Optional.empty() : Periods.tryParse(stored);
      if (stored != null && period.isEmpty()) {
        log.warn("bulletin item {} has an unreadable month {}; treated as missing", id, Periods.shown(stored));
      }
      if (period.isEmpty() || month.filter(m -> !m.equals(period.get())).isPresent()) {
        return Future.succeededFuture(Optional.empty());
      }
      return remove(period.get(), id);
    });
  }

  private Future<Optional<NarrativeItem>> remove(YearMonth period, String id) {
    return script(period, REMOVE, new String[] {key(period), ITEM_INDEX}, id)
        .map(r -> r.get(0).equals("ok") ? Optional.of(item(id, r.get(1))) : Optional.<NarrativeItem>empty());
  }

  /**
   * Sets a hand-entered count ({@code 网络问政} …).
   *
   * @throws BulletinPublishedException (as a failed future) when the month is already published
   */
  public Future<Void> setCount(YearMonth period, String name, int value) {
    return script(period, SET_COUNT, new String[] {key(period)}, name, String.valueOf(value)).mapEmpty();
  }

  /**
   * Records the bulletin as published, exactly once per month (HSETNX semantics), with its number in the year's index.
   *
   * @return empty when this call published it; else the bulletin as published by the earlier call
   * @throws BulletinNumberTakenException (as a failed future) when another published month of the year has its number
   */
  public Future<Optional<Bulletin>> publish(Bulletin published) {
    String json = BulletinJson.toJson(published).encode();
    YearMonth period = published.period();
    return redis.<List<Object>>eval(PUBLISH, ScriptOutputType.MULTI, new String[] {key(period), numbers(period)},
        String.valueOf(published.number()), period.toString(), json).compose(r -> switch ((String) r.get(0)) {
          case "ok" -> Future.succeededFuture(Optional.<Bulletin>empty());
          case "taken" -> Future.failedFuture(taken(published.number(), r));
          default -> Future.succeededFuture(Optional.of(BulletinJson.bulletin(new JsonObject((String) r.get(1)))));
        });
  }

  /** The published months of {@code year} with their numbers. */
  public Future<Map<YearMonth, Integer>> numbers(int year) {
    return redis.call(c -> c.hgetall(NUMBERS + year)).map(hash -> {
      Map<YearMonth, Integer> numbers = new LinkedHashMap<>();
      hash.forEach((month, n) -> Periods.tryParse(month).ifPresent(m -> numbers.put(m, Integer.valueOf(n))));
      return numbers;
    });
  }

  /**
   * Sets the number the month's bulletin is to have.
   *
   * @throws BulletinPublishedException (as a failed future) when the month is already published
   * @throws BulletinNumberTakenException (as a failed future) when a published month of the year has it
   */
  public Future<Void> setNumber(YearMonth period, int number) {
    return script(period, SET_NUMBER, new String[] {key(period), numbers(period)}, String.valueOf(number),
        period.toString()).compose(r -> r.get(0).equals("taken")
            ? Future.failedFuture(taken(number, List.copyOf(r))) : Future.succeededFuture());
  }

  /**
   * A correction as recorded.
   *
   * @param correction the correction with its number
   * @param repeat whether an earlier correction of the month had the same text (and this is that one)
   */
  public record Recorded(Correction correction, boolean repeat) {
  }

  /**
   * Records a correction of a published month, numbered after the month's earlier ones; a text equal to an earlier
   * correction's is that correction again ({@link Recorded#repeat()}), nothing new is stored.
   *
   * @param by the correction's text, author and time; its number is ignored
   * @return empty when the month is not published
   */
  public Future<Optional<Recorded>> addCorrection(YearMonth period, Correction by) {
    JsonObject stored = BulletinJson.toJson(by);
    stored.remove("number");
    return redis.<List<Object>>eval(CORRECT, ScriptOutputType.MULTI, new String[] {key(period)}, stored.encode(),
        by.text()).map(r -> switch ((String) r.get(0)) {
          case "draft" -> Optional.<Recorded>empty();
          case "same" -> Optional.of(new Recorded(BulletinJson.correction(Integer.parseInt((String) r.get(1)),
              new JsonObject((String) r.get(2))), true));
          default -> Optional.of(new Recorded(BulletinJson.correction(Integer.parseInt((String) r.get(1)), stored),
              false));
        });
  }

  private static BulletinNumberTakenException taken(int number, List<?> reply) {
    return new BulletinNumberTakenException(number, YearMonth.parse((String) reply.get(1)));
  }

  /** Remembers findings that a publication created, so later months do not report them as their own. */
  public Future<Void> markBulletinFindings(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return redis.call(c -> c.sadd(FINDINGS, ids.toArray(String[]::new))).mapEmpty();
  }

  /** Ids of the findings that publications created. */
  public Future<Set<String>> bulletinFindings() {
    return redis.call(c -> c.smembers(FINDINGS));
  }

  private Future<List<String>> script(YearMonth period, Script script, String[] keys, String... args) {
    return redis.<List<Object>>eval(script, ScriptOutputType.MULTI, keys, args).compose(r -> {
      List<String> result = r.stream().map(String::valueOf).toList();
      if (result.get(0).equals(PUBLISHED)) {
        Bulletin published = BulletinJson.bulletin(new JsonObject(result.get(1)));
        return Future.failedFuture(new BulletinPublishedException(period, published.publication().orElseThrow()));
      }
      return Future.succeededFuture(result);
    });
  }

  private static BulletinState decode(YearMonth period, Map<String, String> hash) {
    List<NarrativeItem> items = new ArrayList<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    Optional<Bulletin> published = Optional.empty();
    Optional<Integer> number = Optional.empty();
    List<Correction> corrections = new ArrayList<>();
    for (Map.Entry<String, String> e : hash.entrySet()) {
      if (e.getKey().startsWith(CORRECTION)) {
        corrections.add(BulletinJson.correction(Integer.parseInt(e.getKey().substring(CORRECTION.length())),
            new JsonObject(e.getValue())));
      } else if (e.getKey().equals(NUMBER)) {
        number = Optional.of(Integer.valueOf(e.getValue()));
      } else if (e.getKey().startsWith(ITEM)) {
        items.add(item(e.getKey().substring(ITEM.length()), e.getValue()));
      } else if (e.getKey().startsWith(COUNT)) {
        counts.put(e.getKey().substring(COUNT.length()), Integer.valueOf(e.getValue()));
      } else if (e.getKey().equals(PUBLISHED)) {
        published = Optional.of(BulletinJson.bulletin(new JsonObject(e.getValue())));
      }
    }
    corrections.sort(Comparator.comparingInt(Correction::number));
    return new BulletinState(period, items, counts, published, number, corrections);
  }

  private static NarrativeItem item(String id, String json) {
    return BulletinJson.item(new JsonObject(json).put("id", id));
  }

  static String key(YearMonth period) {
    return PREFIX + period;
  }

  private static String numbers(YearMonth period) {
    return NUMBERS + period.getYear();
  }
}
