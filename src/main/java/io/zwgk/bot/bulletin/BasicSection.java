package io.zwgk.bot.bulletin;

import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.WorkingDays;
import io.zwgk.bot.stats.Unit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paragraphs of [基本情况]: ●信息发布情况 from the statistics, ●互动交流问题处理情况 from the tracked letters and the
 * hand-entered 网络问政 count, ●常态化监测情况 as {@link MonitoringParagraph} writes it, the month's tasks with each
 * unit graded as {@link TaskParagraphs} does, the staff's own ● paragraphs, and ●政策解读情况 from policies published without an interpretation. Pure.
 */
final class BasicSection {
  static final String APPLICATIONS = "依申请公开";
  static final String ONLINE = "网络问政";
  private static final String PENDING = "[待录入]";

  private final BulletinTemplates t;
  private final WorkingDays days;
  private final ReminderRules.Letters limits;
  private final TaskParagraphs tasks;

  BasicSection(BulletinTemplates t, WorkingDays days, ReminderRules.Letters limits, List<Unit> units) {
    this.t = t;
    this.days = days;
    this.limits = limits;
    this.tasks = new TaskParagraphs(t, days, units);
  }

  List<String> paragraphs(BulletinInputs in, String monitoring, List<NarrativeItem> items, Gaps gaps) {
    Map<String, List<NarrativeItem>> groups = Narrative.byKey(items);
    List<String> data = new ArrayList<>(List.of(overview(in, gaps), letters(in, gaps), monitoring));
    data.addAll(tasks.of(in));
    List<String> out = attach(data, groups);
    List<String> closing = attach(policies(in), groups);
    groups.values().forEach(g -> out.addAll(Narrative.ownParagraph(g)));
    out.addAll(closing);
    return out;
  }

  private static List<String> attach(List<String> paragraphs, Map<String, List<NarrativeItem>> groups) {
    List<String> out = new ArrayList<>();
    for (String p : paragraphs) {
      out.addAll(Narrative.withItems(p, Narrative.take(groups, Narrative.heading(p))));
    }
    return out;
  }

  private String overview(BulletinInputs in, Gaps gaps) {
    if (in.stats().isEmpty() || in.stats().get().rows().isEmpty()) {
      gaps.missing("统计数据未导入（导入" + in.period() + "的县直单位、乡镇统计表后再生成）");
      return "●信息发布情况。" + PENDING;
    }
    return new OverviewParagraph(t).of(in.stats().get());
  }

  private String letters(BulletinInputs in, Gaps gaps) {
    List<TrackedItem.Letter> month = in.tracked(TrackedItem.Letter.class).stream()
        .filter(l -> in.inPeriod(l.received()) || in.inPeriod(deadline(l))).toList();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("month", String.valueOf(in.period().getMonthValue()));
    Integer entered = in.state().counts().get(APPLICATIONS);
    long received = month.stream().filter(l -> in.inPeriod(l.received())).count();
    values.put("applications", String.valueOf(entered != null ? entered : received));
    Integer online = in.state().counts().get(ONLINE);
    if (online == null) {
      gaps.missing(ONLINE + "信件数未录入（发送「月报 数量 网络问政 7」录入）");
    }
    values.put("online", online == null ? PENDING : String.valueOf(online));
    Set<String> overdue = new LinkedHashSet<>();
    month.stream().filter(l -> !l.answered() && deadline(l).isBefore(in.issueDate()))
        .forEach(l -> overdue.add(l.unit()));
    if (overdue.isEmpty()) {
      return t.fill("letters.inTime", values);
    }
    values.put("units", Narrative.names(List.copyOf(overdue)));
    return t.fill("letters.overdue", values);
  }

  private LocalDate deadline(TrackedItem.Letter l) {
    return l.received() == null ? LocalDate.MIN : days.addWorkingDays(l.received(), limits.limit(l.extended()));
  }

  private List<String> policies(BulletinInputs in) {
    List<String> sentences = in.tracked(TrackedItem.Policy.class).stream()
        .filter(p -> in.inPeriod(p.published()) && !p.interpreted())
        .map(p -> t.fill("policies.missing", Map.of("date", Narrative.day(p.published(), in.period()),
            "unit", p.unit(), "title", p.title().strip().replaceAll("^《|》$", ""))))
        .toList();
    return sentences.isEmpty() ? List.of() : List.of(t.text("policies.heading") + String.join("", sentences));
  }
}
