package io.zwgk.bot.bulletin;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link BulletinService#correct} did.
 *
 * @param outcome sent now, the same correction again, or refused because the month is not published
 * @param period the month corrected
 * @param correction the correction as recorded; empty when refused
 * @param groups groups the correction was queued to by this call
 */
public record CorrectionResult(Outcome outcome, YearMonth period, Optional<Correction> correction, int groups) {
  public CorrectionResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(correction, "correction");
    if (correction.isEmpty() != (outcome == Outcome.NOT_PUBLISHED)) {
      throw new IllegalArgumentException("a correction is recorded unless the month is not published");
    }
  }

  /** The three answers to 更正. */
  public enum Outcome {
    /** Recorded as the month's next correction and queued to the bulletin's groups. */
    SENT,
    /**
     * An earlier correction of the month has the same text: nothing new was recorded, and it was queued again only to
     * the groups it had not reached.
     */
    REPEATED,
    /** The month's bulletin is not published: there is nothing to correct, the draft can still be changed. */
    NOT_PUBLISHED
  }
}
