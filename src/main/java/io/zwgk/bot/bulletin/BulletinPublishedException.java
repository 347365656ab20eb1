package io.zwgk.bot.bulletin;

import java.time.YearMonth;
import java.util.Objects;

/** A change to a bulletin that has already been published: published bulletins are frozen. */
public final class BulletinPublishedException extends RuntimeException {
  private final YearMonth period;
  private final transient Publication publication;

  public BulletinPublishedException(YearMonth period, Publication publication) {
    super(period + " bulletin was already published", null, false, false);
    this.period = Objects.requireNonNull(period, "period");
    this.publication = Objects.requireNonNull(publication, "publication");
  }

  public YearMonth period() {
    return period;
  }

  public Publication publication() {
    return publication;
  }
}
