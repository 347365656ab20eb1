package io.zwgk.bot.stats;

import java.util.Optional;
import java.util.regex.Pattern;

/** The columns a statistics file may have, recognised from header texts as office staff write them. */
enum Column {
  NAME("单位名称", true),
  TASK("本年度任务数", true),
  TOTAL("已发布总数", true),
  MONTH("本月发布条数", true),
  RATIO("完成比例", false),
  CATEGORY("类别", false);

  private static final Pattern NUMBERED_MONTH = Pattern.compile("0?([1-9]|1[0-2])月份?发布条数");

  private final String label;
  private final boolean required;

  Column(String label, boolean required) {
    this.label = label;
    this.required = required;
  }

  String label() {
    return label;
  }

  boolean required() {
    return required;
  }

  /** Recognises a header cell; spaces, BOM and full-width forms are ignored ({@code 4月发布条数}, {@code 完成比例（%）}). */
  static Optional<Column> of(String headerCell) {
    String h = Cells.normalized(headerCell);
    if (NUMBERED_MONTH.matcher(h).matches()) {
      return Optional.of(MONTH);
    }
    if (h.equals("完成比例(%)") || h.equals("完成比例%")) {
      return Optional.of(RATIO);
    }
    for (Column c : values()) {
      if (c.label.equals(h)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
