package io.zwgk.bot.bulletin;

import io.zwgk.bot.monitor.MonitorCategory;
import io.zwgk.bot.monitor.MonitorFact;
import io.zwgk.bot.remind.TrackedItem.Column;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ●常态化监测情况 from what monitoring found in the month, and only that: the monitor's findings counted per unit, page
 * and kind ({@code 万隆乡政府的工作动态有1处图片不能显示}), and the columns and new-media accounts past their update
 * threshold ({@code 赣州市信丰生态环境局的政务新媒体「信丰生态环境」有两周未及时更新}), one clause per unit. Pure.
 */
final class MonitoringParagraph {
  private static final String[] NUMERALS = {"", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};

  private final BulletinTemplates t;

  /** One kind of problem on one page. */
  private record Problem(String page, String label) {
  }

  MonitoringParagraph(BulletinTemplates t) {
    this.t = t;
  }

  String of(MonthRecords records, PageNames pages) {
    Map<String, List<String>> byUnit = new LinkedHashMap<>();
    records.stale().forEach(s -> byUnit.computeIfAbsent(s.item().unit(), k -> new ArrayList<>()).add(stale(s)));
    Map<String, Map<Problem, Integer>> counts = new LinkedHashMap<>();
    for (MonitorFact m : records.monitor()) {
      counts.computeIfAbsent(m.finding().unit(), k -> new LinkedHashMap<>())
          .merge(new Problem(pages.of(m), label(m.category())), 1, Integer::sum);
    }
    counts.forEach((unit, problems) -> problems.forEach((p, count) -> byUnit.computeIfAbsent(unit,
        k -> new ArrayList<>()).add(t.fill("monitoring.finding", Map.of("page", p.page(), "count",
            String.valueOf(count), "problem", p.label())))));
    if (byUnit.isEmpty()) {
      return t.text("monitoring.none");
    }
    List<String> items = new ArrayList<>();
    byUnit.forEach((unit, problems) -> items.add(t.fill("monitoring.unit",
        Map.of("unit", unit, "problems", Narrative.names(problems)))));
    return t.fill("monitoring.found", Map.of("items", String.join(";", items),
        "count", String.valueOf(records.stale().size() + records.monitor().size()),
        "units", Narrative.names(List.copyOf(byUnit.keySet())), "unitCount", String.valueOf(byUnit.size())));
  }

  private String stale(MonthRecords.Stale s) {
    String period = period(s.threshold());
    return s.item() instanceof Column c ? t.fill("monitoring.column", Map.of("column", c.column(), "period", period))
        : t.fill("monitoring.account", Map.of("account", s.name(), "period", period));
  }

  private String label(MonitorCategory category) {
    return t.text("monitoring.labels." + switch (category) {
      case BROKEN_LINK -> "brokenLink";
      case BROKEN_IMAGE -> "brokenImage";
      case PRIVACY -> "privacy";
      case GUIDE -> "guide";
      case TYPO -> "typo";
    });
  }

  /** {@code P14D} → 两周, {@code P10D} → 10天, {@code P6M} → 6个月, {@code P1Y} → 1年. */
  static String period(Period p) {
    if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
      return p.getYears() + "年";
    }
    if (p.getYears() == 0 && p.getMonths() > 0 && p.getDays() == 0) {
      return p.getMonths() + "个月";
    }
    if (p.getYears() == 0 && p.getMonths() == 0 && p.getDays() % 7 == 0 && p.getDays() / 7 < NUMERALS.length) {
      return NUMERALS[p.getDays() / 7] + "周";
    }
    String days = p.getDays() == 0 ? "" : p.getDays() + "天";
    return p.toTotalMonths() == 0 ? days : p.toTotalMonths() + "个月" + days;
  }
}
