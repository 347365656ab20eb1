package io.zwgk.bot.remind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Which slot of a job is due now, from the slot it last handled: the latest slot since then, caught up when it was
 * missed (a restart) unless it is older than the catch-up limit; never an earlier one, so a job runs at most once
 * however many slots it missed. A pure function of the clock.
 */
final class Slots {
  /** What a tick does for one job. */
  sealed interface Decision {
  }

  /** The job has no last slot yet: remember now as its start, run nothing. */
  record Start(ZonedDateTime now) implements Decision {
  }

  /** No slot since the last one. */
  record Idle() implements Decision {
  }

  /** Run the slot {@code at}. */
  record Run(ZonedDateTime at) implements Decision {
  }

  /** The latest slot {@code at} was missed and is too old to run late: remember it as handled, run nothing. */
  record TooOld(ZonedDateTime at) implements Decision {
  }

  private final Clock clock;
  private final Duration catchUp;

  /** {@code clock} in the zone of the jobs' crons. */
  Slots(Clock clock, Duration catchUp) {
    this.clock = clock;
    this.catchUp = catchUp;
  }

  Decision decide(ScheduledJob<?> job, Optional<Instant> last) {
    ZonedDateTime now = ZonedDateTime.now(clock);
    if (last.isEmpty()) {
      return new Start(now);
    }
    List<ZonedDateTime> slots = job.cron().between(last.get().atZone(now.getZone()), now).stream()
        .filter(at -> job.runsOn(at.toLocalDate())).toList();
    if (slots.isEmpty()) {
      return new Idle();
    }
    ZonedDateTime at = slots.get(slots.size() - 1);
    return Duration.between(at, now).compareTo(catchUp) > 0 ? new TooOld(at) : new Run(at);
  }

  /** The job's next slot after now (within a year), empty when there is none. */
  Optional<ZonedDateTime> next(ScheduledJob<?> job) {
    ZonedDateTime now = ZonedDateTime.now(clock);
    Optional<ZonedDateTime> at = job.cron().next(now);
    while (at.isPresent() && !job.runsOn(at.get().toLocalDate()) && at.get().isBefore(now.plusYears(1))) {
      at = job.cron().next(at.get().toLocalDate().plusDays(1).atStartOfDay(now.getZone()).minusSeconds(1));
    }
    return at.filter(t -> job.runsOn(t.toLocalDate()));
  }
}
