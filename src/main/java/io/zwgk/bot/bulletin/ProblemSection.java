package io.zwgk.bot.bulletin;

import io.zwgk.bot.monitor.MonitorCategory;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.stats.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * [存在问题]: the paragraphs written from the records ({@link RecordProblems}), the month's imported findings grouped
 * by category, then the paragraphs staff wrote for the section (one whose heading is a generated paragraph's follows
 * it). Every unit a paragraph names becomes a finding to track once the bulletin is published, with only what the
 * paragraph says about that unit ({@link ClauseSplitter}). Pure.
 */
final class ProblemSection {
  private static final String TRAILING_STOP = "[。;；,，.\\s]+$";

  /**
   * A finding a paragraph names that is not tracked yet.
   *
   * @param unit the unit's full name
   * @param category the paragraph's heading, or the template's default category
   * @param text what the paragraph says about the unit
   */
  record Draft(String unit, String category, String text) {
    Draft {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(text, "text");
    }

    TrackedItem.Finding toFinding(LocalDate issued, LocalDate deadline) {
      return new TrackedItem.Finding("", unit, category, text, issued, deadline, TrackedItem.FindingState.OPEN, null);
    }
  }

  /**
   * The section.
   *
   * @param paragraphs its paragraphs
   * @param drafts the findings to create
   * @param named the tracked findings it reports
   */
  record Section(List<String> paragraphs, List<Draft> drafts, List<TrackedItem.Finding> named) {
    Section {
      paragraphs = List.copyOf(paragraphs);
      drafts = List.copyOf(drafts);
      named = List.copyOf(named);
    }
  }

  private final BulletinTemplates t;
  private final ClauseSplitter splitter;
  private final RecordProblems records;

  ProblemSection(BulletinTemplates t, UnitMentions mentions, List<Unit> units) {
    this.t = t;
    this.splitter = new ClauseSplitter(mentions, units);
    this.records = new RecordProblems(t);
  }

  Section of(BulletinInputs in, MonthRecords r, PageNames pages, List<NarrativeItem> items, Gaps gaps) {
    List<NarrativeItem> staff = new ArrayList<>(items.stream().sorted(Narrative.BY_ID).toList());
    List<String> out = new ArrayList<>();
    List<Draft> drafts = new ArrayList<>();
    List<TrackedItem.Finding> named = new ArrayList<>();
    List<RecordProblems.Generated> generated = new ArrayList<>(records.leading(r, pages, in.period()));
    generated.addAll(imported(in));
    generated.addAll(records.trailing(r, pages, in.period()));
    for (RecordProblems.Generated g : generated) {
      out.add(g.paragraph());
      drafts.addAll(g.drafts());
      named.addAll(g.named());
      staff.removeIf(i -> follows(i, g, out, drafts));
    }
    staff.forEach(i -> {
      out.add(Narrative.bullet(i.text()));
      drafts.addAll(staffDrafts(i));
    });
    if (out.isEmpty()) {
      gaps.note("[" + t.text("headings.problems") + "]暂无内容：本月没有整改问题，也没有添加问题说明");
      out.add(t.text("problems.none"));
    }
    return new Section(out, drafts, named);
  }

  /** Adds a staff item under the generated paragraph of its heading; false when it has another heading. */
  private boolean follows(NarrativeItem item, RecordProblems.Generated g, List<String> out, List<Draft> drafts) {
    String[] parts = Narrative.split(item.text());
    if (parts[0].isBlank() || !Narrative.same(Narrative.key(parts[0]), Narrative.key(g.category()))) {
      return false;
    }
    out.add(parts[1]);
    drafts.addAll(staffDrafts(item));
    return true;
  }

  /** One draft per unit a staff paragraph names, each with its own clause. */
  List<Draft> staffDrafts(NarrativeItem item) {
    String[] parts = Narrative.split(item.text());
    String category = parts[0].isBlank() ? t.text("problems.defaultCategory") : parts[0].strip();
    List<Draft> out = new ArrayList<>();
    splitter.split(parts[1], (lead, unit) -> t.fill("problems.leadWithUnit", Map.of("lead", lead, "unit", unit)))
        .forEach((unit, text) -> out.add(new Draft(unit, category, text)));
    return out;
  }

  /** The month's imported findings (not the monitor's), one paragraph per category. */
  private List<RecordProblems.Generated> imported(BulletinInputs in) {
    Map<String, List<TrackedItem.Finding>> byCategory = new LinkedHashMap<>();
    in.monthFindings().stream().filter(f -> MonitorCategory.of(f.category()).isEmpty())
        .forEach(f -> byCategory.computeIfAbsent(f.category().strip(), k -> new ArrayList<>()).add(f));
    List<RecordProblems.Generated> out = new ArrayList<>();
    byCategory.forEach((category, findings) -> out.add(new RecordProblems.Generated(category,
        t.fill("problems.group", Map.of("category", category, "items", items(findings))), List.of(), findings)));
    return out;
  }

  private static String items(List<TrackedItem.Finding> findings) {
    List<String> parts = new ArrayList<>();
    for (TrackedItem.Finding f : findings) {
      String text = f.text().strip().replaceAll(TRAILING_STOP, "");
      parts.add(text.startsWith(f.unit()) ? text : f.unit() + text);
    }
    return String.join(";", parts);
  }
}
