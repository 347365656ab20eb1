package io.zwgk.bot.bulletin;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the office has stored for one month's bulletin.
 *
 * @param period the month
 * @param items narrative items, by id
 * @param counts counts entered by hand ({@code 网络问政} → 7)
 * @param published the bulletin as published, frozen; empty while it is a draft
 */
public record BulletinState(YearMonth period, List<NarrativeItem> items, Map<String, Integer> counts,
    Optional<Bulletin> published) {
  public BulletinState {
    Objects.requireNonNull(period, "period");
    items = List.copyOf(items);
    counts = Map.copyOf(counts);
    Objects.requireNonNull(published, "published");
  }

  /** Nothing stored yet. */
  public static BulletinState empty(YearMonth period) {
    return new BulletinState(period, List.of(), Map.of(), Optional.empty());
  }

  public Optional<Publication> publication() {
    return published.flatMap(Bulletin::publication);
  }
}
