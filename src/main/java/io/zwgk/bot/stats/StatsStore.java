package io.zwgk.bot.stats;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.Script;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Monthly publication statistics in Redis, with a Caffeine copy of each period in front. A period is read whole (a
 * few dozen rows) because every ranking needs all of it. Writes replace the named units' rows of a period atomically
 * and announce the period on a pub/sub channel so every instance drops its cached copy at once; entries also expire
 * after {@link #EXPIRY} as a safety net.
 */
public final class StatsStore {
  private static final Logger log = LoggerFactory.getLogger(StatsStore.class);
  static final Duration EXPIRY = Duration.ofMinutes(10);
  private static final String ALL = "all";

  /**
   * KEYS: units hash, period index. ARGV: unit name, the stats key of a month without the month. Removes the unit and
   * its row of every month (a month left without rows leaves the index); answers 1 or 0 (whether the unit was known),
   * then the months it had rows in.
   */
  private static final Script DELETE_UNIT = Script.of("""
      local months = {tostring(redis.call('HDEL', KEYS[1], ARGV[1]))}
      for _, p in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
        local key = ARGV[2] .. p
        if redis.call('HDEL', key, ARGV[1]) == 1 then
          table.insert(months, p)
          if redis.call('HLEN', key) == 0 then redis.call('ZREM', KEYS[2], p) end
        end
      end
      return months
      """);

  /**
   * KEYS: a month's stats hash, period index. ARGV: the month, a category label or '' for every row. Removes the
   * rows (a month left without rows leaves the index); answers how many.
   */
  private static final Script DELETE_ROWS = Script.of("""
      local removed = 0
      if ARGV[2] == '' then
        removed = redis.call('HLEN', KEYS[1])
        redis.call('DEL', KEYS[1])
      else
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do
          local ok, row = pcall(cjson.decode, all[i + 1])
          if ok and type(row) == 'table' and row['category'] == ARGV[2] then
            redis.call('HDEL', KEYS[1], all[i])
            removed = removed + 1
          end
        end
      end
      if redis.call('EXISTS', KEYS[1]) == 0 then redis.call('ZREM', KEYS[2], ARGV[1]) end
      return removed
      """);

  private final Vertx vertx;
  private final Redis redis;
  private final boolean cacheEnabled;
  private final AsyncCache<YearMonth, Optional<PeriodStats>> periods;
  private final AsyncCache<String, List<YearMonth>> periodIndex;
  private final AsyncCache<String, List<Unit>> units;

  /**
   * @param cacheEnabled false serves every read from Redis (used by the cache benchmark)
   * @param ticker the cache clock; {@link Ticker#systemTicker()} outside tests
   */
  public StatsStore(Vertx vertx, Redis redis, boolean cacheEnabled, Ticker ticker) {
    this.vertx = vertx;
    this.redis = redis;
    this.cacheEnabled = cacheEnabled;
    this.periods = newCache(ticker, 120);
    this.periodIndex = newCache(ticker, 1);
    this.units = newCache(ticker, 1);
  }

  private static <K, V> AsyncCache<K, V> newCache(Ticker ticker, int size) {
    return Caffeine.newBuilder().maximumSize(size).expireAfterWrite(EXPIRY).ticker(ticker)
        .executor(Runnable::run).buildAsync();
  }

  /** Subscribes to change announcements from other instances. Call once at start-up. */
  public Future<Void> listenForChanges() {
    return redis.subscribe(Keys.STATS_CHANGED, message -> {
      log.debug("statistics changed for {}, dropping cached copies", message);
      invalidate();
    });
  }

  /** The newest month that has statistics. */
  public Future<Optional<YearMonth>> latestPeriod() {
    return periods().map(list -> list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1)));
  }

  /** All months that have statistics, oldest first. */
  public Future<List<YearMonth>> periods() {
    return cached(periodIndex, ALL, () -> redis.call(c -> c.zrange(Keys.PERIODS, 0, -1))
        .map(StatsStore::readablePeriods));
  }

  /** The stored months that read as {@link Periods} months; any other entry is skipped with a warning. */
  private static List<YearMonth> readablePeriods(List<String> stored) {
    List<YearMonth> months = new ArrayList<>(stored.size());
    for (String text : stored) {
      Periods.tryParse(text).ifPresentOrElse(months::add,
          () -> log.warn("skipping unreadable month {} in {}", Periods.shown(text), Keys.PERIODS));
    }
    return months;
  }

  /** One month's statistics, empty when none were imported. */
  public Future<Optional<PeriodStats>> period(YearMonth period) {
    return cached(periods, period, () -> redis.call(c -> c.hgetall(Keys.stats(period)))
        .map(hash -> hash.isEmpty() ? Optional.empty() : Optional.of(decodePeriod(period, hash))));
  }

  /** Units known from imported rows (name and category only; aliases and contacts come from bot-config). */
  public Future<List<Unit>> importedUnits() {
    return cached(units, ALL, () -> redis.call(c -> c.hgetall(Keys.UNITS)).map(StatsStore::decodeUnits));
  }

  /**
   * Stores the rows of one month in one transaction: each named unit's row is replaced, rows of units not named stay,
   * units seen for the first time are recorded. Nothing is written if any part fails.
   */
  public Future<Void> save(YearMonth period, List<UnitStats> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    Map<String, String> statsHash = new LinkedHashMap<>();
    Map<String, String> unitHash = new LinkedHashMap<>();
    for (UnitStats r : rows) {
      statsHash.put(r.unit(), encodeRow(r));
      unitHash.put(r.unit(), new JsonObject().put("category", r.category().label()).encode());
    }
    double score = period.getYear() * 100.0 + period.getMonthValue();
    return redis.transaction(tx -> {
      tx.hset(Keys.stats(period), statsHash);
      tx.hset(Keys.UNITS, unitHash);
      tx.zadd(Keys.PERIODS, score, period.toString());
    }).compose(v -> {
      invalidate();
      return redis.call(c -> c.publish(Keys.STATS_CHANGED, period.toString()))
          .otherwise(0L) // the write landed; peers still expire their copies after EXPIRY
          .mapEmpty();
    });
  }

  /**
   * Removes a unit from the units known from imports and its row from every month, atomically.
   *
   * @return empty when the unit was not known from imports; else the months it had rows in, oldest first
   */
  public Future<Optional<List<String>>> deleteUnit(String name) {
    return redis.<List<Object>>eval(DELETE_UNIT, ScriptOutputType.MULTI, new String[] {Keys.UNITS, Keys.PERIODS},
            name, Keys.STATS)
        .compose(r -> changed("unit " + name).map(v -> {
          List<String> months = r.stream().skip(1).map(String::valueOf).toList();
          return "1".equals(String.valueOf(r.get(0))) || !months.isEmpty() ? Optional.of(months) : Optional.empty();
        }));
  }

  /**
   * Removes a month's rows, all of them or those of one category, atomically; a month left without rows is no longer
   * listed. Units stay known.
   *
   * @return the number of rows removed
   */
  public Future<Long> deletePeriod(YearMonth period, Optional<Category> category) {
    return redis.<Long>eval(DELETE_ROWS, ScriptOutputType.INTEGER,
            new String[] {Keys.stats(period), Keys.PERIODS}, period.toString(),
            category.map(Category::label).orElse(""))
        .compose(n -> changed(period.toString()).map(v -> n));
  }

  private Future<Void> changed(String what) {
    invalidate();
    return redis.call(c -> c.publish(Keys.STATS_CHANGED, what)).otherwise(0L).mapEmpty();
  }

  private void invalidate() {
    periods.synchronous().invalidateAll();
    periodIndex.synchronous().invalidateAll();
    units.synchronous().invalidateAll();
  }

  private <K, V> Future<V> cached(AsyncCache<K, V> cache, K key, java.util.function.Supplier<Future<V>> loader) {
    if (!cacheEnabled) {
      return loader.get(); // blocking-ok: a Supplier of a Future, not a blocking get
    }
    Context context = vertx.getOrCreateContext();
    CompletableFuture<V> cf = cache.get(key, (k, executor) -> loader.get().toCompletionStage().toCompletableFuture());
    return Future.fromCompletionStage(cf, context);
  }

  private static String encodeRow(UnitStats r) {
    return new JsonObject().put("category", r.category().label()).put("task", r.task())
        .put("total", r.total()).put("month", r.month()).encode();
  }

  private static PeriodStats decodePeriod(YearMonth period, Map<String, String> hash) {
    List<UnitStats> rows = new ArrayList<>(hash.size());
    hash.forEach((unit, json) -> {
      JsonObject o = new JsonObject(json);
      rows.add(new UnitStats(unit, category(o), o.getInteger("task"), o.getInteger("total"), o.getInteger("month")));
    });
    return new PeriodStats(period, rows);
  }

  private static List<Unit> decodeUnits(Map<String, String> hash) {
    return hash.entrySet().stream()
        .map(e -> Unit.of(e.getKey(), category(new JsonObject(e.getValue()))))
        .toList();
  }

  private static Category category(JsonObject o) {
    return Category.parse(o.getString("category"))
        .orElseThrow(() -> new IllegalStateException("stored row has unknown category " + o.getString("category")));
  }
}
