package io.zwgk.bot.access;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The one place roles are checked: whether an {@link Actor} may perform an {@link Action}, by the action's
 * {@link Action.Rule}. Use cases call it first; a refusal is an {@link AccessDeniedException}.
 */
public final class Access {
  private Access() {
  }

  /** Succeeds when {@code actor} may perform {@code action} at all (for own-unit actions: is bound to a unit). */
  public static Future<Void> require(Actor actor, Action action) {
    return check(actor, action, Optional.empty()).map(e -> Future.<Void>failedFuture(e))
        .orElseGet(Future::succeededFuture);
  }

  /** Succeeds when {@code actor} may perform {@code action} on an item of {@code unit}. */
  public static Future<Void> require(Actor actor, Action action, String unit) {
    return check(actor, action, Optional.of(unit)).map(e -> Future.<Void>failedFuture(e))
        .orElseGet(Future::succeededFuture);
  }

  /** The unit an own-unit action is for: the actor's bound unit, or a refusal when they have none. */
  public static Future<String> ownUnit(Actor actor, Action action) {
    return require(actor, action).compose(v -> actor.unit().map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new AccessDeniedException(action, AccessDeniedException.Reason.NOT_BOUND,
            Optional.empty()))));
  }

  /** The refusal, if any, of {@code action} by {@code actor}, on an item of {@code unit} when given. */
  public static Optional<AccessDeniedException> check(Actor actor, Action action, Optional<String> unit) {
    return switch (action.rule()) {
      case ANYONE -> Optional.empty();
      case OFFICE -> actor.office() ? Optional.empty() : denied(action, AccessDeniedException.Reason.NOT_OFFICE, unit);
      case OWN_UNIT -> ownUnit(actor, action, unit);
      case OWN_UNIT_OR_OFFICE -> actor.office() ? Optional.empty() : ownUnit(actor, action, unit);
    };
  }

  private static Optional<AccessDeniedException> ownUnit(Actor actor, Action action, Optional<String> unit) {
    if (actor.unit().isEmpty()) {
      return denied(action, AccessDeniedException.Reason.NOT_BOUND, unit);
    }
    return unit.isPresent() && !unit.equals(actor.unit())
        ? denied(action, AccessDeniedException.Reason.OTHER_UNIT, unit) : Optional.empty();
  }

  private static Optional<AccessDeniedException> denied(Action action, AccessDeniedException.Reason reason,
      Optional<String> unit) {
    return Optional.of(new AccessDeniedException(action, reason, unit));
  }
}
