package io.zwgk.bot.stats;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.store.StatsStore;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one statistics table (CSV or XLSX) for a month: parse and check every row off the event loop, then store all
 * rows in one transaction, or store nothing and report every bad row. Shared by the admin API, the CLI and the demo
 * data loader.
 */
public final class StatsImporter {
  private static final Logger log = LoggerFactory.getLogger(StatsImporter.class);

  private final Vertx vertx;
  private final StatsStore store;
  private final ImportSlots slots;

  /** An importer with slots of its own (the CLI, benchmarks). */
  public StatsImporter(Vertx vertx, StatsStore store) {
    this(vertx, store, new ImportSlots(ImportSlots.MAX));
  }

  /** @param slots the imports allowed at once, shared with the other importers of the process */
  public StatsImporter(Vertx vertx, StatsStore store, ImportSlots slots) {
    this.vertx = vertx;
    this.store = store;
    this.slots = slots;
  }

  /**
   * Parses and stores a table. Fails with {@link ImportRejectedException} (nothing stored) when any row is bad, with
   * {@link ImportSlots.ImportBusyException} when {@link ImportSlots#MAX} imports are running already.
   *
   * @param category applies to files without a {@code 类别} column
   */
  public Future<ImportResult> importTable(YearMonth period, byte[] body, String contentType,
      Optional<Category> category) {
    return slots.run(() -> vertx.executeBlocking(() -> StatsImportParser.parse(body, contentType, category), false)
        .compose(plan -> plan.ok() ? Future.succeededFuture(plan)
            : Future.failedFuture(new ImportRejectedException(plan.errors())))
        .compose(plan -> store(period, plan)));
  }

  private Future<ImportResult> store(YearMonth period, ImportPlan plan) {
    return store.importedUnits()
        .map(known -> known.stream().map(Unit::name).collect(Collectors.toSet()))
        .compose(known -> store.save(period, plan.rows()).map(v -> result(period, plan, known)))
        .onSuccess(r -> log.info("imported {} rows for {} ({} new units, {} warnings)", r.rows(), period,
            r.newUnits().size(), r.warnings().size()));
  }

  private static ImportResult result(YearMonth period, ImportPlan plan, Set<String> known) {
    List<String> created = plan.rows().stream().map(UnitStats::unit).filter(u -> !known.contains(u)).toList();
    return new ImportResult(period, plan.rows().size(), created, plan.warnings());
  }
}
