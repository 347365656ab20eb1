package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FindingSyncTest {
  private static final Instant EARLIER = Instant.parse("2024-04-01T02:30:00Z");
  private static final Instant NOW = Instant.parse("2024-05-06T02:30:00Z");
  private static final LocalDate TODAY = LocalDate.of(2024, 5, 6);
  private static final String PAGE = "http://127.0.0.1/slj/a.html";
  private static final Observation DEAD = new Observation("县水利局", MonitorCategory.BROKEN_LINK,
      "http://127.0.0.1/dead.html", PAGE, "链接“通知”：HTTP 404");

  private static Finding finding(String id, String category, String text, FindingState state) {
    return new Finding(id, "县水利局", category, text, LocalDate.of(2024, 4, 1), null, state, Optional.empty());
  }

  private static Evidence evidence(String page) {
    return new Evidence(page, "旧摘录", EARLIER, EARLIER);
  }

  private static FindingSync.Plan plan(List<Observation> seen, List<Finding> existing, Map<String, Evidence> ev,
      Set<String> covered) {
    return FindingSync.plan(seen, existing, ev, Set.of("县水利局"), covered, NOW, TODAY);
  }

  @Test
  @DisplayName("a new problem opens a finding issued today; the same problem twice in one run opens one")
  void opens() {
    Observation again = new Observation("县水利局", MonitorCategory.BROKEN_LINK, DEAD.text(), "http://x/other.html",
        "另一页");
    FindingSync.Plan plan = plan(List.of(DEAD, again), List.of(), Map.of(), Set.of(PAGE));

    assertThat(plan.create()).containsExactly(new Finding("", "县水利局", "疑似不可用链接", "http://127.0.0.1/dead.html",
        TODAY, null, FindingState.OPEN, Optional.empty()));
    assertThat(plan.evidence()).containsExactly(Map.entry(DEAD.naturalKey(), new Evidence(PAGE, DEAD.excerpt(), NOW,
        NOW)));
  }

  @Test
  @DisplayName("a problem seen again keeps its finding and its first-seen time")
  void seenAgain() {
    Finding open = finding("7", "疑似不可用链接", DEAD.text(), FindingState.SUBMITTED);
    FindingSync.Plan plan = plan(List.of(DEAD), List.of(open), Map.of(DEAD.naturalKey(), evidence(PAGE)), Set.of());

    assertThat(plan.create()).isEmpty();
    assertThat(plan.seenAgain()).containsExactly(open);
    assertThat(plan.close()).isEmpty();
    assertThat(plan.evidence().get(DEAD.naturalKey())).isEqualTo(new Evidence(PAGE, DEAD.excerpt(), EARLIER, NOW));
  }

  @Test
  @DisplayName("a closed finding seen again is reopened without its old answer")
  void reopens() {
    Finding closed = new Finding("7", "县水利局", "疑似不可用链接", DEAD.text(), LocalDate.of(2024, 4, 1), null,
        FindingState.CLOSED, Optional.of("已整改"));
    FindingSync.Plan plan = plan(List.of(DEAD), List.of(closed), Map.of(), Set.of());

    assertThat(plan.reopen()).singleElement().satisfies(f -> {
      assertThat(f.state()).isEqualTo(FindingState.OPEN);
      assertThat(f.answer()).isEmpty();
      assertThat(f.id()).isEqualTo("7");
    });
  }

  @Test
  @DisplayName("a monitor finding not seen again closes only when its page was read completely in this run")
  void closes() {
    Finding open = finding("7", "疑似不可用链接", DEAD.text(), FindingState.OPEN);
    Map<String, Evidence> ev = Map.of(DEAD.naturalKey(), evidence(PAGE));

    assertThat(plan(List.of(), List.of(open), ev, Set.of(PAGE)).close()).extracting(Finding::state)
        .containsExactly(FindingState.CLOSED);
    assertThat(plan(List.of(), List.of(open), ev, Set.of("http://127.0.0.1/other.html")).close()).isEmpty();
    assertThat(FindingSync.plan(List.of(), List.of(open), ev, Set.of("大阿镇政府"), Set.of(PAGE), NOW, TODAY).close())
        .as("unit not scanned").isEmpty();
  }

  @Test
  @DisplayName("staff findings and findings without monitor evidence are never closed")
  void staffUntouched() {
    Finding staff = finding("3", "不可用链接", DEAD.text(), FindingState.OPEN);
    Finding noEvidence = finding("4", "疑似错敏字", "“攻府”应为“政府”（" + PAGE + "）", FindingState.OPEN);
    Map<String, Evidence> ev = Map.of(staff.naturalKey(), evidence(PAGE));

    assertThat(plan(List.of(), List.of(staff, noEvidence), ev, Set.of(PAGE)).close()).isEmpty();
  }
}
