package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.remind.TrackedItem;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccountableTest {
  private static final LocalDate ISSUED = LocalDate.of(2024, 5, 6);

  @Test
  @DisplayName("the units held to account are those [存在问题] names, each with its own clause, then those that have "
      + "not done a task due in the month; units that did it, or whose task is due later, are not")
  void problemsThenMissedTasks() {
    NarrativeItem problem = SeedBulletin.item("1", "存在问题",
        "栏目更新不及时。如4月29日县卫健委工作动态出现逾期;小江镇、文广新旅局多次被提醒工作动态即将逾期。");
    List<TrackedItem> tasks = List.of(
        new TrackedItem.Task("t1", "县发改委", "“以干代训”", LocalDate.of(2024, 4, 30), false),
        new TrackedItem.Task("t2", "县司法局", "“以干代训”", LocalDate.of(2024, 4, 30), true),
        new TrackedItem.Task("t3", "县卫健委", "标准目录", LocalDate.of(2024, 4, 20), false),
        new TrackedItem.Task("t4", "县林业局", "标准目录", LocalDate.of(2024, 5, 20), false));
    BulletinInputs in = SeedBulletin.inputs(ISSUED, new BulletinState(SeedBulletin.APRIL, List.of(problem), Map.of(),
        Optional.empty()), tasks);

    Accountable named = SeedBulletin.composer().accountable(in);

    assertThat(named.names()).containsExactly("县卫健委", "小江镇政府", "县文广新旅局", "县发改委");
    assertThat(named.units().get(0).what())
        .containsExactly("栏目更新不及时：4月29日县卫健委工作动态出现逾期", "标准目录未按要求落实到位");
    assertThat(named.units().get(1).what()).containsExactly("栏目更新不及时：小江镇多次被提醒工作动态即将逾期");
    assertThat(named.units().get(3).what()).containsExactly("“以干代训”未按要求落实到位");
  }

  @Test
  @DisplayName("a bulletin with no problem and every task done holds nobody to account")
  void nobody() {
    BulletinInputs in = SeedBulletin.inputs(ISSUED, BulletinState.empty(SeedBulletin.APRIL),
        List.of(new TrackedItem.Task("t1", "县发改委", "“以干代训”", LocalDate.of(2024, 4, 30), true)));

    assertThat(SeedBulletin.composer().accountable(in).units()).isEmpty();
  }
}
