package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.stats.ImportChanges;
import io.zwgk.bot.stats.ImportRejectedException;
import io.zwgk.bot.stats.ImportSlots;
import io.zwgk.bot.stats.TableFormat;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one tracked-item table: parse and check every row off the event loop, then store all items in one atomic
 * step, or store nothing and report every bad row. Also serves the item lists of the admin API.
 */
public final class TrackedImporter {
  private static final Logger log = LoggerFactory.getLogger(TrackedImporter.class);

  private final Vertx vertx;
  private final TrackedStore store;
  private final TrackedImportParser parser;
  private final Function<String, Optional<String>> units;
  private final ImportSlots slots;

  /**
   * @param units resolves a typed unit name to the configured full name (see {@link TrackedImportParser})
   * @param addWorkingDays the working-day calendar, for the default 整改期限; both functions run on a worker
   *     thread and must be thread-safe
   */
  public TrackedImporter(Vertx vertx, TrackedStore store, Function<String, Optional<String>> units,
      BiFunction<LocalDate, Integer, LocalDate> addWorkingDays) {
    this(vertx, store, units, addWorkingDays, new ImportSlots(ImportSlots.MAX));
  }

  /** As above, with {@code slots} shared with the other importers of the process. */
  public TrackedImporter(Vertx vertx, TrackedStore store, Function<String, Optional<String>> units,
      BiFunction<LocalDate, Integer, LocalDate> addWorkingDays, ImportSlots slots) {
    this.slots = slots;
    this.vertx = vertx;
    this.store = store;
    this.parser = new TrackedImportParser(units, addWorkingDays);
    this.units = units;
  }

  /**
   * Parses and stores a table (office staff). Fails with {@link ImportRejectedException} (nothing stored) when any
   * row is bad, with {@link ImportSlots.ImportBusyException} when {@link ImportSlots#MAX} imports are running already.
   */
  public Future<TrackedImportResult> importTable(Actor actor, TrackedKind kind, byte[] body, String contentType) {
    return Access.require(actor, Action.IMPORT).compose(v -> importTable(kind, body, contentType));
  }

  /** As {@link #importTable(Actor, TrackedKind, byte[], String)}, for a file whose format its name gives. */
  public Future<TrackedImportResult> importTable(Actor actor, TrackedKind kind, byte[] body, TableFormat format) {
    return Access.require(actor, Action.IMPORT).compose(v -> slots.run(() -> vertx.executeBlocking(
        () -> parser.parse(kind, body, format), false).compose(this::stored)));
  }

  /**
   * Reads a table sent without its kind (office staff) and stores nothing: empty when its header names no kind's
   * required columns, else the plan an import would find and its items compared with the stored ones.
   */
  public Future<Optional<TrackedPreview>> preview(Actor actor, byte[] body, TableFormat format) {
    return Access.require(actor, Action.IMPORT).compose(v -> slots.run(() -> vertx.executeBlocking(
        () -> TrackedImportParser.recognise(body, format).map(kind -> parser.parse(kind, body, format)), false)
        .compose(plan -> plan.isPresent() ? compared(plan.get()).map(Optional::of)
            : Future.succeededFuture(Optional.empty()))));
  }

  private Future<TrackedPreview> compared(TrackedImportPlan plan) {
    if (!plan.ok()) {
      return Future.succeededFuture(new TrackedPreview(plan, new ImportChanges(0, 0, 0)));
    }
    return store.list(plan.kind()).map(stored -> {
      Map<String, TrackedItem> byKey = new HashMap<>();
      stored.forEach(i -> byKey.put(i.naturalKey(), i));
      int created = 0;
      int unchanged = 0;
      for (TrackedItem item : plan.items()) {
        TrackedItem before = byKey.get(item.naturalKey());
        created += before == null ? 1 : 0;
        unchanged += before != null && TrackedCodec.sameOnImport(item, before) ? 1 : 0;
      }
      return new TrackedPreview(plan, new ImportChanges(created, plan.items().size() - created - unchanged,
          unchanged));
    });
  }

  private Future<TrackedImportResult> stored(TrackedImportPlan plan) {
    return plan.ok() ? store(plan) : Future.failedFuture(new ImportRejectedException(plan.errors()));
  }

  private Future<TrackedImportResult> importTable(TrackedKind kind, byte[] body, String contentType) {
    return slots.run(() -> vertx.executeBlocking(() -> parser.parse(kind, body, contentType), false)
        .compose(plan -> plan.ok() ? Future.succeededFuture(plan)
            : Future.failedFuture(new ImportRejectedException(plan.errors())))
        .compose(this::store));
  }

  private Future<TrackedImportResult> store(TrackedImportPlan plan) {
    return store.upsert(plan.kind(), plan.items())
        .map(stored -> new TrackedImportResult(plan.kind(), stored.items().size(), stored.created(), plan.warnings()))
        .onSuccess(r -> log.info("imported {} {} items ({} new, {} warnings)", r.rows(), r.kind().path(), r.created(),
            r.warnings().size()));
  }

  /**
   * One kind's items by id, optionally of one unit only: the name is resolved like an imported one, and taken as typed
   * when no configured unit matches (items of a unit since removed from the configuration stay listable).
   */
  public Future<List<TrackedItem>> list(TrackedKind kind, Optional<String> unit) {
    Optional<String> wanted = unit.map(String::strip).filter(u -> !u.isEmpty())
        .map(u -> units.apply(u).orElse(u));
    return store.list(kind)
        .map(items -> items.stream().filter(i -> wanted.isEmpty() || wanted.get().equals(i.unit())).toList());
  }
}
