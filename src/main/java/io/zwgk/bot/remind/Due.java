package io.zwgk.bot.remind;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a digest says about one tracked item on one day.
 *
 * @param item the item
 * @param state due soon, due today, overdue, or awaiting the office's review
 * @param deadline the last day to act (for stale columns and accounts: the last day the latest update still counts)
 * @param workingDaysLeft working days after today up to the deadline; negative = overdue by that many working days
 * @param what short Chinese description, e.g. {@code 工作动态 已 20 天未更新（期限 14 天）}; markdown: the user text in it
 *     is already {@linkplain io.zwgk.bot.ops.Markdown#literal literal}
 */
public record Due(TrackedItem item, DueState state, LocalDate deadline, int workingDaysLeft, String what) {
  public Due {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(what, "what");
    if (state == DueState.OVERDUE && workingDaysLeft > 0 || state == DueState.DUE_SOON && workingDaysLeft < 0) {
      throw new IllegalArgumentException(state + " with " + workingDaysLeft + " working days left");
    }
  }

  /** Working days past the deadline, 0 when not overdue. */
  public int overdueBy() {
    return state == DueState.OVERDUE ? -workingDaysLeft : 0;
  }
}
