package io.zwgk.bot.remind;

import io.zwgk.bot.config.FileErrors;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads checked values from {@code reminders.yaml} and collects every problem as {@code file: field.path: message},
 * then fails once.
 */
final class RuleChecks extends FileErrors {
  static final int MAX_WORKING_DAYS = 60;

  RuleChecks(String display) {
    super(display);
  }

  /** A time of day such as {@code 22:00}. */
  Optional<LocalTime> time(String path, String text) {
    if (text == null || !text.strip().matches("\\d{1,2}:\\d{2}")) {
      add(path, text == null ? "required (a time such as \"22:00\")" : "not a time such as \"22:00\": " + text);
      return Optional.empty();
    }
    try {
      return Optional.of(LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip()));
    } catch (DateTimeParseException e) {
      add(path, "not a valid time of day: " + text);
      return Optional.empty();
    }
  }

  /** A positive ISO-8601 period; on a problem, one day (the load fails anyway). */
  Period period(String path, String text) {
    try {
      Period p = Period.parse(text == null ? "" : text.strip());
      if (!p.isNegative() && !p.isZero()) {
        return p;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    add(path, "not a positive ISO-8601 period such as P14D, P6M or P1Y: " + text);
    return Period.ofDays(1);
  }

  /** A count of working days in {@code [min, 60]}, or {@code fallback} when absent or wrong. */
  int days(String path, Integer value, int fallback, int min) {
    if (value == null) {
      return fallback;
    }
    if (value < min || value > MAX_WORKING_DAYS) {
      add(path, "working days must be " + min + " to " + MAX_WORKING_DAYS + ": " + value);
      return fallback;
    }
    return value;
  }
}
