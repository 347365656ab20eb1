package io.zwgk.bot.bulletin;

import java.time.YearMonth;
import java.util.Objects;

/** A 期号 that a published bulletin of the same year already has. */
public final class BulletinNumberTakenException extends RuntimeException {
  private final int number;
  private final YearMonth holder;

  public BulletinNumberTakenException(int number, YearMonth holder) {
    super("number " + number + " is taken by the " + holder + " bulletin", null, false, false);
    this.number = number;
    this.holder = Objects.requireNonNull(holder, "holder");
  }

  public int number() {
    return number;
  }

  /** The published month that has the number. */
  public YearMonth holder() {
    return holder;
  }
}
