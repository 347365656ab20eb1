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
import java.util.LinkedHashMap;
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
  private final ReminderRules rules;
  private final BasicSection basic;
  private final MonitoringParagraph monitoring;
  private final ProblemSection problems;
  private final String county;

  /**
   * What publishing the bulletin changes in the tracked findings.
   *
   * @param created new findings, one per unit a [存在问题] paragraph names that no tracked finding stands for
   * @param dated tracked findings the bulletin reports that had no deadline, now with the bulletin's
   */
  record Named(List<TrackedItem.Finding> created, List<TrackedItem.Finding> dated) {
    Named {
      created = List.copyOf(created);
      dated = List.copyOf(dated);
    }
  }

  /** The parts composition and publication share. */
  private record Parts(MonthRecords records, PageNames pages, ProblemSection.Section problems, Sorted items) {
  }

  /** A composer whose bulletins name no county and whose units are matched without no place names. */
  BulletinComposer(BulletinTemplates t, WorkingDays days, ReminderRules rules, List<Unit> units) {
    this(t, days, rules, units, UnitNames.NONE, "");
  }

  /** A composer whose bulletins name no county. */
  BulletinComposer(BulletinTemplates t, WorkingDays days, ReminderRules rules, List<Unit> units,
      UnitNames unitNames) {
    this(t, days, rules, units, unitNames, "");
  }

  /** A composer whose units are matched without no place names. */
  BulletinComposer(BulletinTemplates t, WorkingDays days, ReminderRules rules, List<Unit> units, String county) {
    this(t, days, rules, units, UnitNames.NONE, county);
  }

  /**
   * @param units the units staff paragraphs may name (configured units with their aliases)
   * @param unitNames the county's place names, which a unit may be named without
   * @param county the county the title and masthead name ({@code office.yaml}), may be empty
   */
  BulletinComposer(BulletinTemplates t, WorkingDays days, ReminderRules rules, List<Unit> units,
      UnitNames unitNames, String county) {
    this.t = t;
    this.county = county;
    this.days = days;
    this.rules = rules;
    this.basic = new BasicSection(t, days, rules.letters(), units);
    this.monitoring = new MonitoringParagraph(t);
    this.problems = new ProblemSection(t, new UnitMentions(units, unitNames), units);
  }

  /** The draft of {@code in.period()}, as if issued on {@code in.issueDate()}. */
  Bulletin compose(BulletinInputs in) {
    Gaps gaps = new Gaps();
    LocalDate deadline = deadline(in.issueDate());
    Parts parts = parts(in, gaps);
    Sorted items = parts.items();
    List<Bulletin.Section> sections = new ArrayList<>();
    add(sections, "headings.basic", basic.paragraphs(in, monitoring.of(parts.records(), parts.pages()),
        items.basic(), gaps));
    if (items.news().isEmpty()) {
      gaps.note("[" + t.text("headings.news") + "]暂无内容（发送「月报 添加 工作动态 文字」添加）");
    }
    add(sections, "headings.news", items.news().stream().map(i -> Narrative.bullet(i.text())).toList());
    add(sections, "headings.problems", parts.problems().paragraphs());
    List<String> requirements = new ArrayList<>(t.requirements(Narrative.day(deadline)));
    items.requirements().forEach(i -> requirements.add(Narrative.bullet(i.text())));
    add(sections, "headings.requirements", requirements);
    String title = t.fill("title", Map.of("county", county, "year", String.valueOf(in.period().getYear()),
        "month", String.valueOf(in.period().getMonthValue())));
    return new Bulletin(in.period(), title, t.text("preface"), Bulletin.Status.DRAFT, in.issueDate(), deadline,
        sections, tables(in), gaps.missing, gaps.notes, Optional.empty(), 0, t.fill("masthead.issuer",
            Map.of("county", county)), List.of());
  }

  /**
   * The findings the bulletin issued on {@code in.issueDate()} names: new ones for the units its [存在问题] paragraphs
   * name, and the tracked ones it reports (the monitor's included) given its deadline when they have none.
   */
  Named namedFindings(BulletinInputs in) {
    LocalDate issued = in.issueDate();
    LocalDate deadline = deadline(issued);
    Parts parts = parts(in, new Gaps());
    List<TrackedItem.Finding> created = parts.problems().drafts().stream().map(d -> d.toFinding(issued, deadline))
        .distinct().toList();
    Map<String, TrackedItem.Finding> reported = new LinkedHashMap<>();
    parts.records().monitor().forEach(m -> reported.put(m.finding().id(), m.finding()));
    parts.problems().named().forEach(f -> reported.put(f.id(), f));
    List<TrackedItem.Finding> dated = reported.values().stream().filter(f -> f.deadline() == null)
        .map(f -> new TrackedItem.Finding(f.id(), f.unit(), f.category(), f.text(), f.issued(), deadline, f.state(),
            f.answer()))
        .toList();
    return new Named(created, dated);
  }

  /** The units the bulletin issued on {@code in.issueDate()} names in [存在问题] or as not having done a task. */
  Accountable accountable(BulletinInputs in) {
    return Accountable.of(parts(in, new Gaps()).problems(), in);
  }

  /** Issue date plus the template's working days. */
  LocalDate deadline(LocalDate issued) {
    return days.addWorkingDays(issued, t.rectificationWorkingDays());
  }

  private Parts parts(BulletinInputs in, Gaps gaps) {
    MonthRecords records = MonthRecords.of(in, rules, days, t.repeatedReminders());
    PageNames pages = new PageNames(in.tracked(TrackedItem.Column.class), t);
    Sorted items = sort(in.state().items());
    return new Parts(records, pages, problems.of(in, records, pages, items.problems(), gaps), items);
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
