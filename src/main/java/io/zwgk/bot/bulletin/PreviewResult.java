package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.TrackedItem;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BulletinService#preview} did.
 *
 * @param bulletin the draft as previewed
 * @param findings the findings publication would track (those not tracked yet), with ids still empty
 * @param groups office groups the preview was queued to
 */
public record PreviewResult(Bulletin bulletin, List<TrackedItem.Finding> findings, int groups) {
  public PreviewResult {
    Objects.requireNonNull(bulletin, "bulletin");
    findings = List.copyOf(findings);
  }
}
