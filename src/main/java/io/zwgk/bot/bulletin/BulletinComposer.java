package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.WorkingDays;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Composes a month's bulletin from gathered inputs, in the seed's order and the templates' wording: [基本情况],
 * [工作动态], [存在问题], [工作要求] and the two attachment tables. Pure and thread-safe; the service gathers the inputs.
 */
final class BulletinComposer {
  private final BulletinTemplates t;
  private final WorkingDays days;
  private final BasicSection basic;
  private final ProblemSection problems;

  /**
   * @param units the units staff paragraphs may name (configured units with their aliases)
   * @param unitNames the county's place names, which a unit may be named without
   */
  BulletinComposer(BulletinTemplates t, WorkingDays days, ReminderRules.Letters letters, List<Unit> units,
      UnitNames unitNames) {
    this.t = t;
    this.days = days;
    this.basic = new BasicSection(t, days, letters);
    this.problems = new ProblemSection(t, new UnitMentions(units, unitNames));
  }

  /** The draft of {@code in.period()}, as if issued on {@code in.issueDate()}. */
  Bulletin compose(BulletinInputs in) {
    Gaps gaps = new Gaps();
    LocalDate deadline = deadline(in.issueDate());
    Sorted items = sort(in.state().items());
    List<ProblemSection.Draft> drafts = problems.drafts(items.problems());
    List<Bulletin.Section> sections = new ArrayList<>();
    add(sections, "headings.basic", basic.paragraphs(in, drafts, items.basic(), gaps));
    if (items.news().isEmpty()) {
      gaps.note("[" + t.text("headings.news") + "]暂无内容（发送「月报 添加 工作动态 文字」添加）");
    }
    add(sections, "headings.news", items.news().stream().map(i -> Narrative.bullet(i.text())).toList());
    add(sections, "headings.problems", problems.paragraphs(in.monthFindings(), items.problems(), gaps));
    List<String> requirements = new ArrayList<>(t.requirements(Narrative.day(deadline)));
    items.requirements().forEach(i -> requirements.add(Narrative.bullet(i.text())));
    add(sections, "headings.requirements", requirements);
    String title = t.fill("title", Map.of("year", String.valueOf(in.period().getYear()),
        "month", String.valueOf(in.period().getMonthValue())));
    return new Bulletin(in.period(), title, t.text("preface"), Bulletin.Status.DRAFT, in.issueDate(), deadline,
        sections, tables(in), gaps.missing, gaps.notes, Optional.empty());
  }

  /** The findings the staff's [存在问题] paragraphs name, as new tracked items issued on {@code issued}. */
  List<TrackedItem.Finding> namedFindings(BulletinState state, LocalDate issued) {
    LocalDate deadline = deadline(issued);
    return problems.drafts(sort(state.items()).problems()).stream().map(d -> d.toFinding(issued, deadline))
        .distinct().toList();
  }

  /** Issue date plus the template's working days. */
  LocalDate deadline(LocalDate issued) {
    return days.addWorkingDays(issued, t.rectificationWorkingDays());
  }

  private void add(List<Bulletin.Section> sections, String headingKey, List<String> paragraphs) {
    if (!paragraphs.isEmpty()) {
      sections.add(new Bulletin.Section(t.text(headingKey), String.join("\n", paragraphs)));
    }
  }

  private List<Bulletin.Table> tables(BulletinInputs in) {
    if (in.stats().isEmpty()) {
      return List.of();
    }
    PeriodStats stats = in.stats().orElseThrow();
    int month = in.period().getMonthValue();
    List<Bulletin.Table> tables = new ArrayList<>();
    if (stats.count(Category.COUNTY_DEPT) > 0) {
      tables.add(table(stats, Category.COUNTY_DEPT, t.text("attachments.county"), month, tables.size() + 1));
    }
    if (stats.count(Category.TOWNSHIP) > 0) {
      tables.add(table(stats, Category.TOWNSHIP, t.text("attachments.township"), month, tables.size() + 1));
    }
    return tables;
  }

  private static Bulletin.Table table(PeriodStats stats, Category category, String title, int month, int number) {
    return new Bulletin.Table("附件" + number, title, category, month,
        stats.ranked(category).stream().map(Bulletin.Row::of).toList());
  }

  private Sorted sort(List<NarrativeItem> items) {
    String news = Narrative.key(t.text("headings.news"));
    String problem = Narrative.key(t.text("headings.problems"));
    String requirement = Narrative.key(t.text("headings.requirements"));
    Sorted sorted = new Sorted(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (NarrativeItem i : items.stream().sorted(Narrative.BY_ID).toList()) {
      String key = Narrative.key(i.section());
      (key.equals(news) ? sorted.news() : key.equals(problem) ? sorted.problems()
          : key.equals(requirement) ? sorted.requirements() : sorted.basic()).add(i);
    }
    return sorted;
  }

  /** Narrative items by the part of the document they belong to. */
  private record Sorted(List<NarrativeItem> basic, List<NarrativeItem> news, List<NarrativeItem> problems,
      List<NarrativeItem> requirements) {
  }
}
