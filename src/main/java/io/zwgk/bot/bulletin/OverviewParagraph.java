package io.zwgk.bot.bulletin;

import io.zwgk.bot.ops.Markdown;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.UnitStats;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ●信息发布情况 from one month's statistics, worded by {@code bulletin.yaml} ({@code overview.published}, and
 * {@code overview.bottom} naming the county departments at the bottom): the bulletin's paragraph and the chat's
 * 概况 answer alike. Pure.
 */
public final class OverviewParagraph {
  static final int BOTTOM = 5;
  private static final String[] NUMERALS = {"零", "一", "二", "三", "四", "五"};

  private final BulletinTemplates templates;

  public OverviewParagraph(BulletinTemplates templates) {
    this.templates = templates;
  }

  /** The paragraph for {@code p}, which has rows. */
  public String of(PeriodStats p) {
    int month = p.period().getMonthValue();
    String text = templates.fill("overview.published", Map.of(
        "period", p.period().getYear() + "年" + month + "月",
        "total", String.valueOf(p.total()),
        "month", String.valueOf(month),
        "township", String.valueOf(p.monthTotal(Category.TOWNSHIP)),
        "county", String.valueOf(p.monthTotal(Category.COUNTY_DEPT))));
    List<UnitStats> bottom = p.bottom(Category.COUNTY_DEPT, BOTTOM);
    if (bottom.isEmpty()) {
      return text;
    }
    String names = bottom.stream().map(UnitStats::unit).map(Markdown::literal).collect(Collectors.joining("、"));
    return text + templates.fill("overview.bottom", Map.of("units", names, "count", NUMERALS[bottom.size()]));
  }
}
