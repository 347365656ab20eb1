package io.zwgk.bot.remind;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One job of a {@link Scheduler}: its name (the key of its last slot), the cron of its slots, whether it runs only on
 * working days, and what it does at a slot.
 *
 * @param name the job's name within its scheduler's group
 * @param cron when its slots are, in the scheduler's zone
 * @param workingDays present when only the slots on a working day count; empty for every day the cron names
 * @param run what the job does for a slot; a failure leaves the slot to be tried again at the next tick
 * @param <T> what a run answers
 */
public record ScheduledJob<T>(String name, CronExpression cron, Optional<WorkingDays> workingDays,
    Function<ZonedDateTime, Future<T>> run) {
  public ScheduledJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(workingDays, "workingDays");
    Objects.requireNonNull(run, "run");
  }

  /** A job whose slots are every time its cron names. */
  public static <T> ScheduledJob<T> everyDay(String name, CronExpression cron, Function<ZonedDateTime, Future<T>> run) {
    return new ScheduledJob<>(name, cron, Optional.empty(), run);
  }

  /** A job whose slots are the times its cron names on working days only. */
  public static <T> ScheduledJob<T> workingDays(String name, CronExpression cron, WorkingDays calendar,
      Function<ZonedDateTime, Future<T>> run) {
    return new ScheduledJob<>(name, cron, Optional.of(calendar), run);
  }

  /** Whether a slot on {@code day} counts. */
  boolean runsOn(LocalDate day) {
    return workingDays.map(c -> c.isWorkingDay(day)).orElse(true);
  }
}
