package io.zwgk.bot.remind;

import io.zwgk.bot.stats.ImportChanges;
import java.util.Objects;

/**
 * A tracked-item table read and checked but not stored: what an import of it would do.
 *
 * @param plan the parsed items, errors and warnings, as an import would find them
 * @param changes the items compared with the stored ones of the kind, by natural key (none when the plan has errors)
 */
public record TrackedPreview(TrackedImportPlan plan, ImportChanges changes) {
  public TrackedPreview {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(changes, "changes");
  }
}
