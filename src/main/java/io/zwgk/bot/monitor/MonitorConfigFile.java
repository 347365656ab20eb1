package io.zwgk.bot.monitor;

import io.zwgk.bot.config.YamlReader;
import io.zwgk.bot.monitor.MonitorConfig.Caps;
import io.zwgk.bot.monitor.MonitorConfig.Crawl;
import io.zwgk.bot.monitor.MonitorConfig.GuideContact;
import io.zwgk.bot.monitor.MonitorConfig.UnitSite;
import io.zwgk.bot.remind.CronExpression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code monitor.yaml} into {@link MonitorConfig}, filling defaults and checking every value. */
final class MonitorConfigFile {
  private static final Logger log = LoggerFactory.getLogger(MonitorConfigFile.class);
  private static final YamlReader YAML = YamlReader.strict();
  /** The largest byte cap one may configure, per content type. */
  static final int MAX_CAP_MIB = 100;

  private final MonitorChecks errors;
  private final Optional<List<String>> knownUnits;
  private List<String> hosts = List.of();

  private MonitorConfigFile(MonitorChecks errors, Optional<List<String>> knownUnits) {
    this.errors = errors;
    this.knownUnits = knownUnits;
  }

  static MonitorConfig load(Path configDir, Optional<List<String>> knownUnits) {
    Path file = configDir.resolve(MonitorConfig.FILE_NAME);
    String display = configDir.normalize().resolve(MonitorConfig.FILE_NAME).toString();
    if (!Files.exists(file)) {
      log.warn("{} not found: the site monitor is off", display);
      return MonitorConfig.disabled();
    }
    MonitorChecks errors = new MonitorChecks(display);
    Optional<MonitorDocument> doc = YAML.read(file, MonitorDocument.class, errors);
    errors.throwIfAny();
    MonitorConfig config = doc.map(new MonitorConfigFile(errors, knownUnits)::config)
        .orElseGet(MonitorConfig::disabled);
    errors.throwIfAny();
    log.info("Site monitor: {} units, {} hosts, schedule {}", config.units().size(), config.allowedHosts().size(),
        config.schedule().map(CronExpression::toString).orElse("none"));
    return config;
  }

  private MonitorConfig config(MonitorDocument d) {
    String agent = userAgent(d.userAgent());
    Crawl crawl = crawl(d.crawl());
    hosts = hosts("allowedHosts", d.allowedHosts());
    List<String> override = hosts("robotsOverride", d.robotsOverride());
    for (int i = 0; i < override.size(); i++) {
      if (!hosts.contains(override.get(i))) {
        errors.add("robotsOverride[" + i + "]", "not in allowedHosts: " + override.get(i));
      }
    }
    Optional<CronExpression> schedule = schedule(d.schedule());
    ZoneId zone = zone(d.zone());
    UnitSitesFile sites = new UnitSitesFile(errors, knownUnits, hosts);
    GuideContact guide = sites.guide("guide", d.guide(), GuideContact.none());
    Map<String, String> selectors = selectors(d.dateSelectors());
    Map<String, String> dictionary = dictionary(d.dictionary());
    List<UnitSite> units = sites.units(d.units(), guide);
    return errors.count() > 0 ? MonitorConfig.disabled()
        : new MonitorConfig(agent, crawl, hosts, override, schedule, zone, guide, selectors, dictionary, units);
  }

  private String userAgent(String agent) {
    if (agent == null) {
      return MonitorConfig.DEFAULT_USER_AGENT;
    }
    if (agent.isBlank() || agent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      errors.add("userAgent", "must be one line of text naming the robot, e.g. \"zwgk-bot/0.1 (+政务公开办)\"");
    }
    return agent.strip();
  }

  private Crawl crawl(MonitorDocument.CrawlEntry c) {
    Crawl d = Crawl.defaults();
    if (c == null) {
      return d;
    }
    return new Crawl(
        errors.range("crawl.perHostConcurrency", c.perHostConcurrency(), d.perHostConcurrency(), 1, 8),
        Duration.ofMillis(errors.range("crawl.perHostDelayMillis", c.perHostDelayMillis(),
            (int) d.perHostDelay().toMillis(), 0, 60_000)),
        Duration.ofSeconds(errors.range("crawl.requestTimeoutSeconds", c.requestTimeoutSeconds(),
            (int) d.requestTimeout().toSeconds(), 1, 120)),
        errors.range("crawl.pageBudget", c.pageBudget(), d.pageBudget(), 1, 100_000),
        errors.range("crawl.newestItemsPerColumn", c.newestItemsPerColumn(), d.newestItems(), 0, 20),
        Duration.ofMinutes(errors.range("crawl.runDeadlineMinutes", c.runDeadlineMinutes(),
            (int) d.runDeadline().toMinutes(), 1, 24 * 60)),
        new Caps(mib("crawl.maxPageMiB", c.maxPageMiB(), d.caps().page()),
            mib("crawl.maxAttachmentMiB", c.maxAttachmentMiB(), d.caps().attachment()),
            mib("crawl.maxImageMiB", c.maxImageMiB(), d.caps().image())));
  }

  private long mib(String path, Integer value, long fallback) {
    return errors.range(path, value, (int) (fallback / Caps.MIB), 1, MAX_CAP_MIB) * Caps.MIB;
  }

  private List<String> hosts(String field, List<String> given) {
    List<String> out = new ArrayList<>();
    List<String> list = given == null ? List.of() : given;
    for (int i = 0; i < list.size(); i++) {
      String host = list.get(i) == null ? "" : list.get(i).strip().toLowerCase(Locale.ROOT);
      if (!host.matches(HostList.ENTRY) || HostList.entryPort(host) < 0) {
        errors.add(field + "[" + i + "]", "not a host name such as www.xinfeng.gov.cn, or host:port such as "
            + "www.xinfeng.gov.cn:8080 for a port other than 80 and 443 (no scheme or path): " + list.get(i));
      } else if (out.contains(host)) {
        errors.add(field + "[" + i + "]", "listed twice: " + host);
      } else {
        out.add(host);
      }
    }
    return out;
  }

  private Optional<CronExpression> schedule(String cron) {
    if (cron == null || cron.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CronExpression.parse(cron.strip()));
    } catch (IllegalArgumentException e) {
      errors.add("schedule", e.getMessage());
      return Optional.empty();
    }
  }

  private ZoneId zone(String zone) {
    try {
      return ZoneId.of(zone == null ? "Asia/Shanghai" : zone.strip());
    } catch (DateTimeException e) {
      errors.add("zone", "unknown time zone \"" + zone + "\" (use a region such as Asia/Shanghai)");
      return ZoneId.of("Asia/Shanghai");
    }
  }

  private Map<String, String> selectors(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    (given == null ? Map.<String, String>of() : given).forEach((host, selector) -> {
      String h = host.strip().toLowerCase(Locale.ROOT);
      if (!HostList.names(hosts, h)) {
        errors.add("dateSelectors." + host, "not in allowedHosts (write the host name without port)");
      } else if (selector == null || selector.isBlank()) {
        errors.add("dateSelectors." + host, "empty CSS selector");
      } else {
        try {
          QueryParser.parse(selector);
          out.put(h, selector.strip());
        } catch (Selector.SelectorParseException e) {
          errors.add("dateSelectors." + host, "not a CSS selector: " + selector + " (" + e.getMessage() + ")");
        }
      }
    });
    return out;
  }

  private Map<String, String> dictionary(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    (given == null ? Map.<String, String>of() : given).forEach((wrong, right) -> {
      String w = wrong.strip();
      String r = right == null ? "" : right.strip();
      if (w.isEmpty() || r.isEmpty()) {
        errors.add("dictionary." + wrong, "both the wrong form and the right form are required");
      } else if (w.equals(r)) {
        errors.add("dictionary." + wrong, "the right form equals the wrong form");
      } else {
        out.put(w, r);
      }
    });
    return out;
  }

}
