package io.zwgk.bot.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccessTest {
  private static final Actor OFFICE = new Actor("dingtalk", "staff1", "李四", true, Optional.empty());
  private static final Actor WATER = new Actor("dingtalk", "u1", "张三", false, Optional.of("县水利局"));
  private static final Actor NOBODY = new Actor("dingtalk", "u2", "王五", false, Optional.empty());

  private static Optional<AccessDeniedException.Reason> refusal(Actor actor, Action action, Optional<String> unit) {
    return Access.check(actor, action, unit).map(AccessDeniedException::reason);
  }

  @Test
  @DisplayName("office actions: office staff and the admin token only")
  void officeOnly() {
    for (Action action : Action.values()) {
      if (action.rule() == Action.Rule.OFFICE) {
        assertThat(refusal(OFFICE, action, Optional.empty())).as(action.name()).isEmpty();
        assertThat(refusal(Actor.API, action, Optional.empty())).as(action.name()).isEmpty();
        assertThat(refusal(WATER, action, Optional.empty())).as(action.name())
            .contains(AccessDeniedException.Reason.NOT_OFFICE);
      }
    }
  }

  @Test
  @DisplayName("own-unit actions need a binding and the item's unit; rectifying also allows the office")
  void ownUnit() {
    assertThat(refusal(WATER, Action.REPORT_PROGRESS, Optional.empty())).isEmpty();
    assertThat(refusal(NOBODY, Action.REPORT_PROGRESS, Optional.empty()))
        .contains(AccessDeniedException.Reason.NOT_BOUND);
    assertThat(refusal(OFFICE, Action.REPORT_PROGRESS, Optional.empty()))
        .contains(AccessDeniedException.Reason.NOT_BOUND);
    assertThat(refusal(WATER, Action.RECTIFY, Optional.of("县水利局"))).isEmpty();
    assertThat(refusal(WATER, Action.RECTIFY, Optional.of("大阿镇"))).contains(AccessDeniedException.Reason.OTHER_UNIT);
    assertThat(refusal(OFFICE, Action.RECTIFY, Optional.of("大阿镇"))).isEmpty();
    assertThat(Access.check(WATER, Action.RECTIFY, Optional.of("大阿镇")).orElseThrow().owner()).contains("大阿镇");
  }

  @Test
  @DisplayName("questions and binding are for everyone")
  void anyone() {
    assertThat(refusal(NOBODY, Action.QUERY, Optional.empty())).isEmpty();
    assertThat(refusal(NOBODY, Action.BIND, Optional.empty())).isEmpty();
  }

  @Test
  @DisplayName("an own-unit action is for the actor's bound unit, refused without one")
  void ownUnitFuture() {
    assertThat(Access.ownUnit(WATER, Action.VIEW_OWN_ITEMS).result()).isEqualTo("县水利局");
    assertThat(Access.ownUnit(NOBODY, Action.VIEW_OWN_ITEMS).cause()).isInstanceOf(AccessDeniedException.class);
  }
}
