package io.zwgk.bot.bulletin;

import io.zwgk.bot.monitor.MonitorCategory;
import io.zwgk.bot.monitor.MonitorFact;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Column;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The [存在问题] paragraphs written from the records, each in its template: ●栏目更新不及时 (columns that went overdue
 * in the month, with the day, and units reminded on several days that a column was about to), ●不可用链接 (images with
 * their first-seen day, then broken links by page), ●政务新媒体管理不到位 (accounts to close still open, with how often
 * the unit was reminded), ●“三审三校”落实不到位 (guide details written wrongly, grouped by what was written), ●隐私泄露
 * and ●错敏字. Each paragraph names the findings it reports: new ones for what is not tracked as a finding yet (one per
 * unit, in that unit's words), the monitor's own otherwise. Pure.
 */
final class RecordProblems {
  /**
   * A generated paragraph.
   *
   * @param category its heading
   * @param drafts the findings to create, one per unit clause
   * @param named the tracked findings it reports
   */
  record Generated(String category, String paragraph, List<ProblemSection.Draft> drafts,
      List<TrackedItem.Finding> named) {
    Generated {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(paragraph, "paragraph");
      drafts = List.copyOf(drafts);
      named = List.copyOf(named);
    }
  }

  private final BulletinTemplates t;

  RecordProblems(BulletinTemplates t) {
    this.t = t;
  }

  /** The paragraphs the seed puts before the staff's: columns, links, accounts. */
  List<Generated> leading(MonthRecords r, PageNames pages, YearMonth period) {
    List<Generated> out = new ArrayList<>();
    columns(r, period).ifPresent(out::add);
    links(r, pages, period).ifPresent(out::add);
    accounts(r).ifPresent(out::add);
    return out;
  }

  /** The paragraphs after them: guide, privacy, 错敏字. */
  List<Generated> trailing(MonthRecords r, PageNames pages, YearMonth period) {
    List<Generated> out = new ArrayList<>();
    guide(r).ifPresent(out::add);
    perFinding(r, pages, period, MonitorCategory.PRIVACY, "privacy").ifPresent(out::add);
    perFinding(r, pages, period, MonitorCategory.TYPO, "typos").ifPresent(out::add);
    return out;
  }

  private Optional<Generated> columns(MonthRecords r, YearMonth period) {
    String category = t.text("problems.columns.category");
    Set<String> items = new LinkedHashSet<>();
    List<ProblemSection.Draft> drafts = new ArrayList<>();
    for (MonthRecords.Stale s : r.stale()) {
      if (s.item() instanceof Column c && YearMonth.from(s.overdueFrom()).equals(period)) {
        String clause = t.fill("problems.columns.overdue", Map.of("date", Narrative.day(s.overdueFrom(), period),
            "unit", c.unit(), "column", c.column()));
        if (items.add(clause)) {
          drafts.add(new ProblemSection.Draft(c.unit(), category, clause));
        }
      }
    }
    Map<String, Set<String>> reminded = new LinkedHashMap<>();
    r.reminded().forEach(x -> reminded.computeIfAbsent(x.column().column(), k -> new LinkedHashSet<>())
        .add(x.column().unit()));
    reminded.forEach((column, units) -> {
      items.add(t.fill("problems.columns.reminded", Map.of("units", Narrative.names(List.copyOf(units)),
          "column", column)));
      units.forEach(u -> drafts.add(new ProblemSection.Draft(u, category, t.fill("problems.columns.reminded",
          Map.of("units", u, "column", column)))));
    });
    return paragraph("columns", category, String.join(";", items), drafts, List.of());
  }

  private Optional<Generated> links(MonthRecords r, PageNames pages, YearMonth period) {
    Set<String> images = new LinkedHashSet<>();
    Map<String, Set<String>> links = new LinkedHashMap<>();
    List<TrackedItem.Finding> named = new ArrayList<>();
    for (MonitorFact m : r.monitor()) {
      if (m.category() == MonitorCategory.BROKEN_IMAGE) {
        images.add(t.fill("problems.links.image", Map.of("date", Narrative.day(m.firstSeen(), period),
            "unit", m.finding().unit(), "page", pages.of(m))));
        named.add(m.finding());
      } else if (m.category() == MonitorCategory.BROKEN_LINK) {
        links.computeIfAbsent(pages.of(m), k -> new LinkedHashSet<>()).add(m.finding().unit());
        named.add(m.finding());
      }
    }
    List<String> linkClauses = new ArrayList<>();
    links.forEach((page, units) -> linkClauses.add(t.fill("problems.links.link",
        Map.of("units", Narrative.names(List.copyOf(units)), "page", page))));
    List<String> parts = new ArrayList<>();
    if (!images.isEmpty()) {
      parts.add(String.join(",", images));
    }
    if (!linkClauses.isEmpty()) {
      parts.add((images.isEmpty() ? "" : t.text("problems.links.also")) + String.join(";", linkClauses));
    }
    return paragraph("links", t.text("problems.links.category"), String.join("。", parts), List.of(), named);
  }

  private Optional<Generated> accounts(MonthRecords r) {
    String category = t.text("problems.accounts.category");
    List<String> items = new ArrayList<>();
    List<ProblemSection.Draft> drafts = new ArrayList<>();
    for (MonthRecords.Closing c : r.closing()) {
      Map<String, String> values = Map.of("unit", c.account().unit(), "account", c.account().account(),
          "count", String.valueOf(c.days()));
      String clause = t.fill(c.days() > 0 ? "problems.accounts.closing" : "problems.accounts.closingUnreminded",
          values);
      items.add(clause);
      drafts.add(new ProblemSection.Draft(c.account().unit(), category, clause));
    }
    return paragraph("accounts", category, String.join(";", items), drafts, List.of());
  }

  /** Guide findings with the same field, right value and wrong text are one clause naming all their units. */
  private Optional<Generated> guide(MonthRecords r) {
    Map<List<String>, Set<String>> groups = new LinkedHashMap<>();
    List<TrackedItem.Finding> named = new ArrayList<>();
    for (MonitorFact m : r.monitor()) {
      if (m.category() == MonitorCategory.GUIDE) {
        groups.computeIfAbsent(List.of(m.detail(), m.expected(), m.found().orElse("")), k -> new LinkedHashSet<>())
            .add(m.finding().unit());
        named.add(m.finding());
      }
    }
    List<String> items = new ArrayList<>();
    groups.forEach((key, units) -> items.add(t.fill(key.get(2).isEmpty() ? "problems.guide.missing"
        : "problems.guide.wrong", Map.of("units", Narrative.names(List.copyOf(units)), "field", key.get(0),
            "expected", key.get(1), "found", key.get(2)))));
    return paragraph("guide", t.text("problems.guide.category"), String.join(";", items), List.of(), named);
  }

  private Optional<Generated> perFinding(MonthRecords r, PageNames pages, YearMonth period, MonitorCategory category,
      String group) {
    Set<String> items = new LinkedHashSet<>();
    List<TrackedItem.Finding> named = new ArrayList<>();
    for (MonitorFact m : r.monitor()) {
      if (m.category() == category) {
        LocalDate day = m.firstSeen();
        items.add(t.fill("problems." + group + ".item", Map.of("date", Narrative.day(day, period),
            "unit", m.finding().unit(), "page", pages.of(m), "what", m.detail())));
        named.add(m.finding());
      }
    }
    return paragraph(group, t.text("problems." + group + ".category"), String.join(";", items), List.of(), named);
  }

  private Optional<Generated> paragraph(String group, String category, String items,
      List<ProblemSection.Draft> drafts, List<TrackedItem.Finding> named) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Generated(category, t.fill("problems." + group + ".paragraph",
        Map.of("category", category, "items", items)), drafts, named));
  }
}
