package io.zwgk.bot.access;

import java.util.Objects;
import java.util.Optional;

/**
 * An actor asked for an action their role does not allow; the chat answers it in words, the API with 403.
 *
 * @see Access
 */
public final class AccessDeniedException extends RuntimeException {
  /** Why the action was refused. */
  public enum Reason {
    /** Only office staff may. */
    NOT_OFFICE,
    /** The actor is bound to no unit. */
    NOT_BOUND,
    /** The item belongs to another unit. */
    OTHER_UNIT
  }

  private final Action action;
  private final Reason reason;
  private final Optional<String> owner;

  AccessDeniedException(Action action, Reason reason, Optional<String> owner) {
    super(action + " refused: " + reason, null, false, false);
    this.action = Objects.requireNonNull(action, "action");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.owner = Objects.requireNonNull(owner, "owner");
  }

  public Action action() {
    return action;
  }

  public Reason reason() {
    return reason;
  }

  /** The unit the item belongs to, for {@link Reason#OTHER_UNIT}. */
  public Optional<String> owner() {
    return owner;
  }
}
