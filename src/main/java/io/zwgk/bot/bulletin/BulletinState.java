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
 * @param number the 期号 staff set for the draft ({@code 月报 期号}), empty for the next one of the year
 * @param corrections the 更正 sent after publication, oldest first
 */
public record BulletinState(YearMonth period, List<NarrativeItem> items, Map<String, Integer> counts,
    Optional<Bulletin> published, Optional<Integer> number, List<Correction> corrections) {
  public BulletinState {
    Objects.requireNonNull(period, "period");
    items = List.copyOf(items);
    counts = Map.copyOf(counts);
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(number, "number");
    corrections = List.copyOf(corrections);
  }

  /** Items, counts and the publication, with no 期号 set and no corrections. */
  public BulletinState(YearMonth period, List<NarrativeItem> items, Map<String, Integer> counts,
      Optional<Bulletin> published) {
    this(period, items, counts, published, Optional.empty(), List.of());
  }

  /** Nothing stored yet. */
  public static BulletinState empty(YearMonth period) {
    return new BulletinState(period, List.of(), Map.of(), Optional.empty());
  }

  public Optional<Publication> publication() {
    return published.flatMap(Bulletin::publication);
  }
}
