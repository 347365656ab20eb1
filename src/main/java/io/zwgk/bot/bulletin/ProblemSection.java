package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.TrackedItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * [存在问题]: the month's tracked findings grouped by category, each naming its units, then the paragraphs staff wrote
 * for the section. Every unit a staff paragraph names becomes a finding to track once the bulletin is published.
 * Pure.
 */
final class ProblemSection {
  private static final String TRAILING_STOP = "[。;；,，.\\s]+$";

  /**
   * A finding a staff paragraph names.
   *
   * @param unit the unit's full name
   * @param category the paragraph's heading, or the template's default category
   * @param text the paragraph without its heading
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

  private final BulletinTemplates t;
  private final UnitMentions mentions;

  ProblemSection(BulletinTemplates t, UnitMentions mentions) {
    this.t = t;
    this.mentions = mentions;
  }

  /** One draft per unit named in each staff paragraph, in paragraph order. */
  List<Draft> drafts(List<NarrativeItem> items) {
    List<Draft> drafts = new ArrayList<>();
    for (NarrativeItem item : items.stream().sorted(Narrative.BY_ID).toList()) {
      String[] parts = Narrative.split(item.text());
      String category = parts[0].isBlank() ? t.text("problems.defaultCategory") : parts[0].strip();
      mentions.in(item.text()).forEach(unit -> drafts.add(new Draft(unit, category, parts[1])));
    }
    return drafts;
  }

  List<String> paragraphs(List<TrackedItem.Finding> month, List<NarrativeItem> items, Gaps gaps) {
    List<String> out = new ArrayList<>();
    Map<String, List<TrackedItem.Finding>> byCategory = new LinkedHashMap<>();
    month.forEach(f -> byCategory.computeIfAbsent(f.category().strip(), k -> new ArrayList<>()).add(f));
    byCategory.forEach((category, findings) -> out.add(t.fill("problems.group",
        Map.of("category", category, "items", items(findings)))));
    items.stream().sorted(Narrative.BY_ID).forEach(i -> out.add(Narrative.bullet(i.text())));
    if (out.isEmpty()) {
      gaps.note("[" + t.text("headings.problems") + "]暂无内容：本月没有整改问题，也没有添加问题说明");
      out.add(t.text("problems.none"));
    }
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
