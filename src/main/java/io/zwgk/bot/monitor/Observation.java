package io.zwgk.bot.monitor;

import java.util.Objects;

/**
 * One problem seen in one run. {@code unit | category label | text} is the natural key of its finding, so
 * {@code text} names the target and never changes while the problem stays (the page's wording goes into
 * {@code excerpt}).
 *
 * @param page the page it was seen on
 * @param excerpt what the page shows: link text and status, the masked sentence, the guide's line
 */
record Observation(String unit, MonitorCategory category, String text, String page, String excerpt) {
  Observation {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(excerpt, "excerpt");
  }

  String naturalKey() {
    return unit + "|" + category.label() + "|" + text;
  }
}
