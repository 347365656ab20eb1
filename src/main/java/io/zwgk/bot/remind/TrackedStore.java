package io.zwgk.bot.remind;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import io.zwgk.bot.store.Keys;
import io.zwgk.bot.store.Redis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tracked items (deadlines the reminder engine chases) in Redis: per kind a hash {@code zwgk:tracked:{kind}} of id →
 * JSON ({@link TrackedCodec}) and a hash {@code zwgk:tracked:{kind}:keys} of natural key → id; one counter
 * {@code zwgk:tracked:seq} gives ids "1", "2", … unique across kinds. Each write is one Lua script, applied whole or
 * not at all, on the shared connection.
 */
public final class TrackedStore {
  static final String PREFIX = Keys.PREFIX + "tracked:";
  static final String SEQ = PREFIX + "seq";
  private static final Comparator<TrackedItem> BY_ID = Comparator
      .comparingLong((TrackedItem i) -> Long.parseLong(i.id())).thenComparing(TrackedItem::id);

  /**
   * What an upsert stored.
   *
   * @param items the stored items with their ids, in the order given
   * @param created how many of them were new (the others kept their ids)
   */
  public record Upserted(List<TrackedItem> items, int created) {
    public Upserted {
      items = List.copyOf(items);
    }
  }

  private final Redis redis;

  public TrackedStore(Redis redis) {
    this.redis = redis;
  }

  /**
   * Stores items of one kind in one atomic step: an item whose natural key is known keeps its id and takes the new
   * fields (except those {@link TrackedCodec#keptOnImport} keeps, e.g. a finding's state); a new one gets a fresh id.
   * The items' own ids are ignored.
   *
   * @throws IllegalArgumentException (as a failed future) for an item of another kind or a repeated natural key
   */
  public Future<Upserted> upsert(TrackedKind kind, List<TrackedItem> items) {
    if (items.isEmpty()) {
      return Future.succeededFuture(new Upserted(List.of(), 0));
    }
    List<String> kept = TrackedCodec.keptOnImport(kind);
    List<String> args = new ArrayList<>(List.of(String.valueOf(kept.size())));
    args.addAll(kept);
    Set<String> keys = new HashSet<>();
    for (TrackedItem item : items) {
      if (item.kind() != kind || !keys.add(item.naturalKey())) {
        return Future.failedFuture(new IllegalArgumentException("item of kind " + item.kind() + " with key "
            + item.naturalKey() + " does not fit an upsert of distinct " + kind + " items"));
      }
      args.add(item.naturalKey());
      args.add(TrackedCodec.encode(item));
    }
    String[] scriptKeys = {items(kind), naturalKeys(kind), SEQ};
    return redis.<List<Object>>eval(TrackedScripts.UPSERT, ScriptOutputType.MULTI, scriptKeys,
        args.toArray(String[]::new)).map(flat -> upserted(kind, flat));
  }

  private static Upserted upserted(TrackedKind kind, List<Object> flat) {
    List<TrackedItem> stored = new ArrayList<>(flat.size() / 3);
    int created = 0;
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      stored.add(TrackedCodec.decode(kind, (String) flat.get(i), (String) flat.get(i + 2)));
      created += ((Long) flat.get(i + 1)).intValue();
    }
    return new Upserted(stored, created);
  }

  /** One kind's items, by id. */
  public Future<List<TrackedItem>> list(TrackedKind kind) {
    return redis.call(c -> c.hgetall(items(kind))).map(hash -> decode(kind, hash));
  }

  /** Every kind's items, by id. */
  public Future<List<TrackedItem>> listAll() {
    return Future.all(Arrays.stream(TrackedKind.values()).map(this::list).toList())
        .map(all -> all.<List<TrackedItem>>list().stream().flatMap(List::stream).sorted(BY_ID).toList());
  }

  /** The item with this id, of any kind. */
  public Future<Optional<TrackedItem>> find(String id) {
    TrackedKind[] kinds = TrackedKind.values();
    String[] scriptKeys = Arrays.stream(kinds).map(TrackedStore::items).toArray(String[]::new);
    return redis.<List<Object>>eval(TrackedScripts.FIND, ScriptOutputType.MULTI, scriptKeys, id)
        .map(hit -> hit.isEmpty() ? Optional.empty()
            : Optional.of(TrackedCodec.decode(kinds[((Long) hit.get(0)).intValue() - 1], id, (String) hit.get(1))));
  }

  /**
   * Replaces one stored item by id (after a command such as 整改, 复核 or 完成). Answers false when no item of its kind
   * has that id; fails with {@link IllegalArgumentException} when the item's natural key is not the stored one's.
   */
  public Future<Boolean> save(TrackedItem item) {
    String[] scriptKeys = {items(item.kind()), naturalKeys(item.kind())};
    return redis.<Long>eval(TrackedScripts.SAVE, ScriptOutputType.INTEGER, scriptKeys, item.id(),
        item.naturalKey(), TrackedCodec.encode(item)).compose(r -> r < 0
            ? Future.failedFuture(new IllegalArgumentException("tracked item " + item.id() + " changed its key"))
            : Future.succeededFuture(r == 1));
  }

  private static List<TrackedItem> decode(TrackedKind kind, Map<String, String> hash) {
    return hash.entrySet().stream().map(e -> TrackedCodec.decode(kind, e.getKey(), e.getValue())).sorted(BY_ID)
        .toList();
  }

  static String items(TrackedKind kind) {
    return PREFIX + kind.path();
  }

  static String naturalKeys(TrackedKind kind) {
    return PREFIX + kind.path() + ":keys";
  }
}
