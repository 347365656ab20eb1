package io.zwgk.bot.stats;

import io.vertx.core.Future;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.store.BindingStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units a chat user can name (those of bot-config with their aliases, then those imports created) and who is
 * bound to which: resolving a typed unit name, {@code 绑定} and {@code 解绑}.
 */
public final class UnitDirectory {
  private final StatsStore stats;
  private final BindingStore bindings;
  private final List<Unit> configured;
  private final UnitNames unitNames;
  private volatile Snapshot snapshot;

  /** @param unitNames the county's place names, which a unit may be named without */
  public UnitDirectory(StatsStore stats, BindingStore bindings, List<Unit> configured, UnitNames unitNames) {
    this.stats = stats;
    this.bindings = bindings;
    this.configured = List.copyOf(configured);
    this.unitNames = unitNames;
    this.snapshot = new Snapshot(null, new UnitResolver(List.of(), unitNames));
  }

  /** What {@code query} names among configured plus imported units. */
  public Future<Resolution> resolve(String query) {
    return resolver().map(r -> r.resolve(query));
  }

  /** The unit the platform user is bound to, if any. */
  public Future<Optional<String>> boundUnit(String platform, String userId) {
    return userId.isEmpty() ? Future.succeededFuture(Optional.empty()) : bindings.unitOf(platform, userId);
  }

  /**
   * Binds the actor to the unit {@code query} names when it names exactly one.
   *
   * @return the resolution (bound only when {@link Resolution.Found}); empty when the actor has no user id to bind
   */
  public Future<Optional<Resolution>> bind(Actor actor, String query) {
    if (actor.userId().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return Access.require(actor, Action.BIND).compose(v -> resolve(query)).compose(r -> r instanceof Resolution.Found f
        ? bindings.bind(actor.channel(), actor.userId(), f.unit().name()).map(Optional.of(r))
        : Future.succeededFuture(Optional.of(r)));
  }

  /** Removes the actor's binding; true when there was one. */
  public Future<Boolean> unbind(Actor actor) {
    return Access.require(actor, Action.BIND).compose(v -> bindings.unbind(actor.channel(), actor.userId()));
  }

  /** The resolver over configured plus imported units, rebuilt only when the imported list changes. */
  private Future<UnitResolver> resolver() {
    return stats.importedUnits().map(imported -> {
      Snapshot current = snapshot;
      if (current.imported() == imported) {
        return current.resolver();
      }
      UnitResolver fresh = new UnitResolver(merge(imported), unitNames);
      snapshot = new Snapshot(imported, fresh);
      return fresh;
    });
  }

  private List<Unit> merge(List<Unit> imported) {
    Map<String, Unit> byName = new LinkedHashMap<>();
    configured.forEach(u -> byName.put(u.name(), u));
    imported.forEach(u -> byName.putIfAbsent(u.name(), u));
    return new ArrayList<>(byName.values());
  }

  private record Snapshot(List<Unit> imported, UnitResolver resolver) {
  }
}
