package io.zwgk.bot.stats;

import java.util.List;
import java.util.Objects;

/** What a unit name typed in chat refers to; {@link UnitResolver} builds it. */
public sealed interface Resolution {

  /**
   * Exactly one unit matches.
   *
   * @param unit the unit
   */
  record Found(Unit unit) implements Resolution {
    public Found {
      Objects.requireNonNull(unit, "unit");
    }
  }

  /**
   * Several units match equally well.
   *
   * @param query the text as typed (normalised)
   * @param candidates at least two units, in configuration order
   */
  record Ambiguous(String query, List<Unit> candidates) implements Resolution {
    public Ambiguous {
      Objects.requireNonNull(query, "query");
      candidates = List.copyOf(candidates);
      if (candidates.size() < 2) {
        throw new IllegalArgumentException("an ambiguous query needs at least two candidates");
      }
    }
  }

  /**
   * No unit matches.
   *
   * @param query the text as typed (normalised)
   * @param suggestions up to three full unit names close to the query, closest first
   */
  record NotFound(String query, List<String> suggestions) implements Resolution {
    public NotFound {
      Objects.requireNonNull(query, "query");
      suggestions = List.copyOf(suggestions);
    }
  }
}
