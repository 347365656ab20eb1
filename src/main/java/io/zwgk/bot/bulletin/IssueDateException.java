package io.zwgk.bot.bulletin;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * An issue date a month's bulletin cannot have: before the month's end, or more than
 * {@value BulletinService#MAX_DAYS_AHEAD} days after today.
 *
 * @see BulletinService#publish(io.zwgk.bot.access.Actor, java.time.YearMonth, java.util.Optional)
 */
public final class IssueDateException extends IllegalArgumentException {
  private final YearMonth period;
  private final LocalDate date;
  private final LocalDate earliest;
  private final LocalDate latest;

  public IssueDateException(YearMonth period, LocalDate date, LocalDate earliest, LocalDate latest) {
    super(period.getYear() + "年" + period.getMonthValue() + "月月报的签发日期应在" + Narrative.day(earliest) + "至"
        + Narrative.day(latest) + "之间，" + Narrative.day(date) + (date.isBefore(earliest) ? "早于月底" : "离今天太远")
        + " (issue date " + date + " of the " + period + " bulletin must be from " + earliest + " to " + latest + ")");
    this.period = Objects.requireNonNull(period, "period");
    this.date = Objects.requireNonNull(date, "date");
    this.earliest = Objects.requireNonNull(earliest, "earliest");
    this.latest = Objects.requireNonNull(latest, "latest");
  }

  public YearMonth period() {
    return period;
  }

  public LocalDate date() {
    return date;
  }

  /** The month's last day. */
  public LocalDate earliest() {
    return earliest;
  }

  /** The furthest day ahead accepted. */
  public LocalDate latest() {
    return latest;
  }

  /** Whether the date was too early (else too far ahead). */
  public boolean early() {
    return date.isBefore(earliest);
  }
}
