package io.zwgk.bot.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds the unit a chat user means. Tries, in order, and stops at the first step that matches anything: the exact
 * name or a configured alias; the same without the usual prefixes and suffixes ({@code 水利局} → {@code 县水利局},
 * {@code 大阿镇} → {@code 大阿镇政府}); a name or alias containing the query ({@code 大阿} → {@code 大阿镇政府}). One match
 * is {@link Resolution.Found}, several are {@link Resolution.Ambiguous}; otherwise {@link Resolution.NotFound} carries
 * up to three close names. Immutable and thread-safe.
 */
public final class UnitResolver {
  private static final int MAX_SUGGESTIONS = 3;
  private static final int MIN_CONTAINED_LENGTH = 2;

  /** Short queries whose resolution is kept: the same few unit names are asked for again and again. */
  private static final int KEPT_QUERIES = 512;
  private static final int KEPT_QUERY_MAX_CHARS = 32;

  private final UnitNames unitNames;
  private final List<Names> names;
  private final Cache<String, Resolution> resolved = Caffeine.newBuilder().maximumSize(KEPT_QUERIES).build();

  /**
   * @param units every unit that may be named, in configuration order
   * @param unitNames the county's place names, which a query or name may start with
   */
  public UnitResolver(List<Unit> units, UnitNames unitNames) {
    this.unitNames = unitNames;
    this.names = units.stream().map(u -> Names.of(u, unitNames)).toList();
  }

  /** Resolves one query; a blank query is not found and has no suggestions. */
  public Resolution resolve(String query) {
    return query == null || query.length() > KEPT_QUERY_MAX_CHARS ? resolveNow(query)
        : resolved.get(query, this::resolveNow);
  }

  private Resolution resolveNow(String query) {
    String shown = UnitNames.display(query);
    String exact = UnitNames.compact(query);
    String key = unitNames.key(query);
    if (exact.isEmpty()) {
      return new Resolution.NotFound(shown, List.of());
    }
    return match(shown, n -> n.exact().contains(exact))
        .or(() -> match(shown, n -> n.keys().contains(key)))
        .or(() -> match(shown, n -> UnitNames.length(key) >= MIN_CONTAINED_LENGTH
            && n.keys().stream().anyMatch(k -> k.contains(key))))
        .orElseGet(() -> new Resolution.NotFound(shown, suggestions(key)));
  }

  private Optional<Resolution> match(String shown, Predicate<Names> predicate) {
    List<Unit> hits = names.stream().filter(predicate).map(Names::unit).distinct().toList();
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(hits.size() == 1 ? new Resolution.Found(hits.get(0)) : new Resolution.Ambiguous(shown, hits));
  }

  private List<String> suggestions(String key) {
    return names.stream()
        .map(n -> new Scored(n.unit().name(),
            n.keys().stream().mapToInt(k -> score(key, k)).filter(d -> d >= 0).min().orElse(-1)))
        .filter(s -> s.score() >= 0)
        .sorted(Comparator.comparingInt(Scored::score))
        .map(Scored::name)
        .distinct()
        .limit(MAX_SUGGESTIONS)
        .toList();
  }

  /** 0 when the query contains the name, else the edit distance when at most 40% of the longer one; -1 when far. */
  private static int score(String query, String name) {
    if (UnitNames.length(name) >= MIN_CONTAINED_LENGTH && query.contains(name)) {
      return 0;
    }
    int distance = UnitNames.distance(query, name);
    int longer = Math.max(UnitNames.length(query), UnitNames.length(name));
    return distance * 5 <= longer * 2 ? distance : -1;
  }

  private record Scored(String name, int score) {}

  private record Names(Unit unit, List<String> exact, List<String> keys) {
    static Names of(Unit unit, UnitNames unitNames) {
      List<String> all = Stream.concat(Stream.of(unit.name()), unit.aliases().stream()).toList();
      return new Names(
          unit,
          all.stream().map(UnitNames::compact).toList(),
          all.stream().map(unitNames::key).distinct().toList());
    }
  }
}
