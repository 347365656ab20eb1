package io.zwgk.bot.remind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * That a unit's group was reminded of one tracked item on one day, as the month-end bulletin counts it ("reminded
 * three times in April that 工作动态 was about to go overdue").
 *
 * @param day the day of the reminder run
 * @param itemId the tracked item's id
 * @param kind the item's kind
 * @param unit the item's unit
 * @param state what the reminder said: due soon, due today or overdue
 * @param deadline the item's deadline on that day (for a column: the last day its latest update still counted)
 */
public record SentReminder(LocalDate day, String itemId, TrackedKind kind, String unit, DueState state,
    LocalDate deadline) {
  public SentReminder {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(deadline, "deadline");
  }

  /** Whether the reminder warned that the item was about to go overdue (due soon or due today). */
  public boolean aboutToBeOverdue() {
    return state == DueState.DUE_SOON || state == DueState.DUE_TODAY;
  }
}
