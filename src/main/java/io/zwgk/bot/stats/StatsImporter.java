package io.zwgk.bot.stats;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports one statistics table (CSV or XLSX) for a month: parse and check every row off the event loop, then store all
 * rows in one transaction, or store nothing and report every bad row. Unit names are resolved against the configured
 * units ({@link ImportUnits}); a name that matches none is refused unless the caller accepts new units. Shared by the
 * admin API, the CLI and the demo data loader.
 */
public final class StatsImporter {
  private static final Logger log = LoggerFactory.getLogger(StatsImporter.class);

  private final Vertx vertx;
  private final StatsStore store;
  private final ImportSlots slots;
  private final Set<String> configuredNames;
  private final UnitResolver resolver;

  /** An importer with slots of its own (the CLI, benchmarks). */
  public StatsImporter(Vertx vertx, StatsStore store, List<Unit> configured, UnitNames unitNames) {
    this(vertx, store, configured, unitNames, new ImportSlots(ImportSlots.MAX));
  }

  /**
   * @param configured the units of bot-config, which names in a table resolve to
   * @param unitNames the county's place names of bot-config, which a name in a table may start with
   * @param slots the imports allowed at once, shared with the other importers of the process
   */
  public StatsImporter(Vertx vertx, StatsStore store, List<Unit> configured, UnitNames unitNames,
      ImportSlots slots) {
    this.vertx = vertx;
    this.store = store;
    this.slots = slots;
    this.configuredNames = configured.stream().map(Unit::name).collect(Collectors.toUnmodifiableSet());
    this.resolver = new UnitResolver(configured, unitNames);
  }

  /** {@link #importTable(Actor, YearMonth, byte[], String, Optional, boolean)} refusing new units. */
  public Future<ImportResult> importTable(Actor actor, YearMonth period, byte[] body, String contentType,
      Optional<Category> category) {
    return importTable(actor, period, body, contentType, category, false);
  }

  /**
   * Parses and stores a table (office staff). Fails with {@link ImportRejectedException} (nothing stored) when any row is bad, with
   * {@link ImportSlots.ImportBusyException} when {@link ImportSlots#MAX} imports are running already.
   *
   * @param category applies to rows without a {@code 类别} value on a sheet whose name gives no category
   * @param acceptNewUnits true stores names that match no configured unit as new units (listed in the result); false
   *     refuses the file when any does
   */
  public Future<ImportResult> importTable(Actor actor, YearMonth period, byte[] body, String contentType,
      Optional<Category> category, boolean acceptNewUnits) {
    return Access.require(actor, Action.IMPORT)
        .compose(v -> importTable(period, body, contentType, category, acceptNewUnits));
  }

  /**
   * As {@link #importTable(Actor, YearMonth, byte[], String, Optional)}, for a file whose format its name gives (a
   * file sent in chat); refuses new units.
   */
  public Future<ImportResult> importTable(Actor actor, YearMonth period, byte[] body, TableFormat format,
      Optional<Category> category) {
    return Access.require(actor, Action.IMPORT).compose(v -> importTable(period, body, format, category, false));
  }

  /**
   * Reads a table sent without a month (office staff) and stores nothing: empty when no sheet has the statistics
   * header, else the plan an import would find, the month and category the file names, and its rows compared with
   * that month's stored ones.
   */
  public Future<Optional<StatsPreview>> preview(Actor actor, byte[] body, TableFormat format, String fileName) {
    return Access.require(actor, Action.IMPORT).compose(v -> slots.run(() -> importOnly()
        .compose(earlier -> vertx.executeBlocking(() -> StatsDrafts.read(body, format, fileName,
            ImportUnits.of(resolver, earlier, false)), false))
        .compose(draft -> draft.isPresent() ? compared(draft.get()).map(Optional::of)
            : Future.succeededFuture(Optional.empty()))));
  }

  private Future<StatsPreview> compared(StatsPreview draft) {
    if (draft.period().isEmpty() || !draft.plan().ok()) {
      return Future.succeededFuture(draft);
    }
    return store.period(draft.period().get()).map(stored -> {
      int created = 0;
      int unchanged = 0;
      for (UnitStats row : draft.plan().rows()) {
        Optional<UnitStats> before = stored.flatMap(s -> s.find(row.unit()));
        created += before.isEmpty() ? 1 : 0;
        unchanged += before.filter(row::equals).isPresent() ? 1 : 0;
      }
      int changed = draft.plan().rows().size() - created - unchanged;
      return new StatsPreview(draft.period(), draft.category(), draft.plan(),
          new ImportChanges(created, changed, unchanged));
    });
  }

  private Future<ImportResult> importTable(YearMonth period, byte[] body, String contentType,
      Optional<Category> category, boolean acceptNewUnits) {
    Optional<TableFormat> format = TableFormat.fromContentType(contentType);
    if (format.isEmpty()) {
      ImportPlan refused = StatsImportParser.parse(body, contentType, category);
      return Future.failedFuture(new ImportRejectedException(refused.errors()));
    }
    return importTable(period, body, format.get(), category, acceptNewUnits);
  }

  private Future<ImportResult> importTable(YearMonth period, byte[] body, TableFormat format,
      Optional<Category> category, boolean acceptNewUnits) {
    return slots.run(() -> importOnly()
        .compose(earlier -> vertx.executeBlocking(() -> StatsImportParser.parse(body, format, category,
            ImportUnits.of(resolver, earlier, acceptNewUnits)), false))
        .compose(plan -> plan.ok() ? Future.succeededFuture(plan)
            : Future.failedFuture(new ImportRejectedException(plan.errors())))
        .compose(plan -> store(period, plan)));
  }

  /** The units that exist only because an import created them (not in bot-config), by name. */
  public Future<List<Unit>> importOnly() {
    return store.importedUnits()
        .map(units -> units.stream().filter(u -> !configuredNames.contains(u.name())).toList());
  }

  /** True when {@code name} is a unit of bot-config (which the admin API never removes). */
  public boolean isConfigured(String name) {
    return configuredNames.contains(name);
  }

  /**
   * Removes a unit that exists only because an import created it, with its row of every month.
   *
   * @return the months it had rows in; empty when no import created such a unit (a configured unit never is)
   */
  public Future<Optional<List<String>>> removeImportedUnit(Actor actor, String name) {
    if (isConfigured(name)) {
      return Future.succeededFuture(Optional.empty());
    }
    return Access.require(actor, Action.IMPORT).compose(v -> store.deleteUnit(name))
        .onSuccess(months -> months.ifPresent(m -> log.info("removed imported unit {} and its rows of {}", name, m)));
  }

  /** Removes a month's figures (all, or one category's); the number of rows removed. */
  public Future<Long> removePeriod(Actor actor, YearMonth period, Optional<Category> category) {
    return Access.require(actor, Action.IMPORT).compose(v -> store.deletePeriod(period, category))
        .onSuccess(n -> log.info("removed {} rows of {}{}", n, period, category.map(c -> " (" + c.label() + ")")
            .orElse("")));
  }

  private Future<ImportResult> store(YearMonth period, ImportPlan plan) {
    return store.save(period, plan.rows())
        .map(v -> new ImportResult(period, plan.rows().size(), plan.encoding(), plan.newUnits(), plan.warnings()))
        .onSuccess(r -> log.info("imported {} rows for {} ({}, {} new units {}, {} warnings)", r.rows(), period,
            r.encoding(), r.newUnits().size(), r.newUnits(), r.warnings().size()));
  }
}
