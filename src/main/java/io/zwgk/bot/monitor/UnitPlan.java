package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import io.zwgk.bot.remind.TrackedItem;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to scan for one unit.
 *
 * @param revisit pages where the unit's open monitor findings were seen, read again so fixed ones can be closed
 */
record UnitPlan(String unit, Optional<String> home, Optional<String> guide, GuideContact contact,
    List<TrackedItem.Column> columns, List<String> revisit) {
  UnitPlan {
    Objects.requireNonNull(unit, "unit");
    columns = List.copyOf(columns);
    revisit = List.copyOf(revisit);
  }
}
