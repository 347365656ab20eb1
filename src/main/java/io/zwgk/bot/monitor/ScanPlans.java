package io.zwgk.bot.monitor;

import io.zwgk.bot.monitor.MonitorConfig.UnitSite;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the run's plan per unit: configured home and guide pages, the unit's tracked columns with an address, and
 * the pages of its open monitor findings. Units of monitor.yaml come first in file order, then units known only from
 * columns. A unit with nothing to scan has no plan. Pure.
 */
final class ScanPlans {
  private ScanPlans() {
  }

  static List<UnitPlan> of(MonitorConfig config, Optional<String> scope, List<TrackedItem.Column> columns,
      List<Finding> findings, Map<String, Evidence> evidence) {
    Set<String> units = new LinkedHashSet<>();
    config.units().forEach(u -> units.add(u.unit()));
    columns.forEach(c -> units.add(c.unit()));
    List<UnitPlan> plans = new ArrayList<>();
    for (String unit : units) {
      if (scope.isEmpty() || scope.get().equals(unit)) {
        plan(config, unit, columns, findings, evidence).ifPresent(plans::add);
      }
    }
    return plans;
  }

  private static Optional<UnitPlan> plan(MonitorConfig config, String unit, List<TrackedItem.Column> columns,
      List<Finding> findings, Map<String, Evidence> evidence) {
    Optional<UnitSite> site = config.site(unit);
    Optional<String> home = site.flatMap(UnitSite::homePage);
    Optional<String> guide = site.flatMap(UnitSite::guidePage);
    List<TrackedItem.Column> mine = columns.stream()
        .filter(c -> c.unit().equals(unit) && c.url() != null && !c.url().isBlank()).toList();
    Set<String> planned = new LinkedHashSet<>();
    home.ifPresent(planned::add);
    guide.ifPresent(planned::add);
    mine.forEach(c -> planned.add(c.url()));
    List<String> revisit = findings.stream()
        .filter(f -> f.unit().equals(unit) && f.state() != FindingState.CLOSED)
        .filter(f -> MonitorCategory.of(f.category()).isPresent() && evidence.containsKey(f.naturalKey()))
        .map(f -> evidence.get(f.naturalKey()).url()).filter(url -> !planned.contains(url)).distinct().toList();
    if (planned.isEmpty() && revisit.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new UnitPlan(unit, home, guide, site.map(UnitSite::guide).orElse(config.guide()), mine,
        revisit));
  }
}
