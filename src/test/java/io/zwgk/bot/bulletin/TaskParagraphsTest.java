package io.zwgk.bot.bulletin;

import static io.zwgk.bot.bulletin.SeedBulletin.APRIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Task;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TaskParagraphsTest {
  private static final LocalDate ISSUED = LocalDate.of(2024, 5, 6);
  private static final LocalDate PROMPTED = LocalDate.of(2024, 4, 3);
  private static final LocalDate END = LocalDate.of(2024, 4, 30);

  private static Task task(String unit, String name, LocalDate deadline, LocalDate doneOn, LocalDate assigned,
      String requirement) {
    return new Task("", unit, name, deadline, doneOn != null, doneOn, assigned, requirement);
  }

  private static List<String> paragraphs(List<TrackedItem> tasks) {
    return new TaskParagraphs(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR, SeedBulletin.BOT.units())
        .of(SeedBulletin.inputs(ISSUED, BulletinState.empty(APRIL), tasks));
  }

  @Test
  @DisplayName("a unit done in the first half of the window is 落实较快, by the deadline on time, after it 落实迟缓, "
      + "not done by the issue date 未按要求落实到位; the lead keeps the prompt day and the deadline")
  void graded() {
    String name = "基层政务公开标准化目录完善";
    List<TrackedItem> tasks = List.of(
        task("县司法局", name, END, LocalDate.of(2024, 4, 16), PROMPTED, "政务公开标准目录内容"),
        task("县民政局", name, END, LocalDate.of(2024, 4, 17), PROMPTED, "政务公开标准目录内容"),
        task("县水利局", name, END, LocalDate.of(2024, 5, 6), PROMPTED, "政务公开标准目录内容"),
        task("县税务局", name, END, LocalDate.of(2024, 5, 7), PROMPTED, "政务公开标准目录内容"),
        task("县科技局", name, END, null, PROMPTED, "政务公开标准目录内容"));

    assertThat(paragraphs(tasks)).containsExactly("●基层政务公开标准化目录完善情况。4月3日,县政务公开办在政务公开工作群"
        + "提示4月底前完成政务公开标准目录内容,县司法局落实较快,县民政局已按要求落实到位,县水利局落实迟缓,"
        + "县税务局、县科技局未按要求落实到位。");
  }

  @Test
  @DisplayName("a task without a deadline appears in the month it was assigned, names every township by count, and "
      + "grades only 落实较快 (within 3 working days) and 未落实; units done later are not named")
  void withoutDeadline() {
    String name = "政务公开专区建设";
    String requirement = "制作操作指南";
    LocalDate prompted = LocalDate.of(2024, 4, 25);
    List<TrackedItem> tasks = new ArrayList<>();
    List<Unit> townships = SeedBulletin.BOT.units().stream().filter(u -> u.category() == Category.TOWNSHIP).toList();
    for (Unit u : townships) {
      LocalDate done = u.name().startsWith("小江镇") ? LocalDate.of(2024, 4, 29)
          : u.name().startsWith("大阿镇") ? null : LocalDate.of(2024, 4, 30);
      tasks.add(task(u.name(), name, null, done, prompted, requirement));
    }
    tasks.add(task("县行政审批局", name, null, LocalDate.of(2024, 4, 26), prompted, requirement));
    tasks.add(task("县水利局", name, null, LocalDate.of(2024, 3, 26), LocalDate.of(2024, 3, 25), requirement));

    assertThat(paragraphs(tasks)).containsExactly("●政务公开专区建设情况。4月25日,县政务公开办在工作群提示16个乡(镇)和"
        + "县行政审批局制作操作指南,小江镇政府、县行政审批局落实较快,大阿镇政府未按要求落实到位。");
  }

  @Test
  @DisplayName("the settings change the grade: with fastTaskShare 30 a unit done on day 13 of 27 is on time")
  void share() {
    BulletinTemplates t = SeedBulletin.TEMPLATES;
    BulletinTemplates strict = new BulletinTemplates(t.rectificationWorkingDays(), t.repeatedReminders(), 30,
        t.fastTaskWorkingDays(), t.texts(), t.requirements());
    List<TrackedItem> tasks = List.of(task("县司法局", "标准目录", END, LocalDate.of(2024, 4, 16), PROMPTED, ""));

    List<String> out = new TaskParagraphs(strict, SeedBulletin.CALENDAR, SeedBulletin.BOT.units())
        .of(SeedBulletin.inputs(ISSUED, BulletinState.empty(APRIL), tasks));

    assertThat(paragraphs(tasks)).singleElement().asString().endsWith("完成标准目录,县司法局落实较快。");
    assertThat(out).singleElement().asString().endsWith("完成标准目录,县司法局已按要求落实到位。");
  }
}
