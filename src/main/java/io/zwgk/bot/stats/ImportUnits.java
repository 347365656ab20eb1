package io.zwgk.bot.stats;

import io.zwgk.bot.ops.TextNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units an import may name. A name is resolved like a unit typed in chat ({@link UnitResolver}: exact name or
 * alias, without 县/政府, full-width folded; traditional characters read as simplified) against the configured units;
 * failing that, it matches a unit an earlier import created only by its exact name. A name that matches neither is a
 * new unit, accepted only when the request says so. Immutable and thread-safe.
 */
final class ImportUnits {
  private final UnitResolver configured;
  private final Map<String, Unit> earlier;
  private final boolean acceptNew;

  private ImportUnits(UnitResolver configured, Map<String, Unit> earlier, boolean acceptNew) {
    this.configured = configured;
    this.earlier = earlier;
    this.acceptNew = acceptNew;
  }

  /**
   * @param configured the units of bot-config, resolved like chat commands
   * @param earlier units a previous import created that are not configured (name and category)
   * @param acceptNew true when the request accepts names that match no known unit as new units
   */
  static ImportUnits of(UnitResolver configured, List<Unit> earlier, boolean acceptNew) {
    Map<String, Unit> byName = new HashMap<>();
    earlier.forEach(u -> byName.putIfAbsent(UnitNames.compact(u.name()), u));
    return new ImportUnits(configured, byName, acceptNew);
  }

  /** No unit directory: every well-formed name is taken as written (the pure parser's default). */
  static ImportUnits anyName() {
    return new ImportUnits(null, Map.of(), true);
  }

  boolean acceptsNew() {
    return acceptNew;
  }

  /** What a table's unit name refers to. */
  Lookup find(String name) {
    if (configured == null) {
      return new Lookup.New(name);
    }
    String simplified = TextNormalizer.simplified(name);
    Resolution r = configured.resolve(simplified);
    if (r instanceof Resolution.Found f) {
      return new Lookup.Known(f.unit(), true);
    }
    if (r instanceof Resolution.Ambiguous a) {
      return new Lookup.Ambiguous(a.candidates().stream().map(Unit::name).toList());
    }
    Optional<Unit> before = Optional.ofNullable(earlier.get(UnitNames.compact(simplified)));
    if (before.isPresent()) {
      return new Lookup.Known(before.get(), false);
    }
    return new Lookup.Unknown(((Resolution.NotFound) r).suggestions());
  }

  /** The outcome of {@link #find}. */
  sealed interface Lookup {
    /** A configured unit, or one an earlier import created. */
    record Known(Unit unit, boolean configured) implements Lookup {}

    /** Several configured units fit. */
    record Ambiguous(List<String> candidates) implements Lookup {}

    /** No known unit; {@code suggestions} are close configured names. */
    record Unknown(List<String> suggestions) implements Lookup {}

    /** Taken as written (no unit directory). */
    record New(String name) implements Lookup {}
  }
}
