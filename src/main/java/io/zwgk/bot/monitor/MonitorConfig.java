package io.zwgk.bot.monitor;

import io.zwgk.bot.remind.CronExpression;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The site monitor's settings from {@code bot-config/monitor.yaml}: how politely to crawl, which hosts may be
 * fetched, each unit's home and 信息公开指南 pages, the canonical contact details the guides must show, the 错敏字
 * dictionary and the schedule.
 *
 * @param userAgent the User-Agent of every request; its first word is the robots.txt product token
 * @param crawl politeness and size limits
 * @param allowedHosts the only hosts ever requested (lower case): {@code host} on ports 80 and 443 only,
 *     {@code host:port} on that port
 * @param robotsOverride allowedHosts entries whose robots.txt is not honoured (the office's own portal)
 * @param schedule when scheduled runs start, empty for none
 * @param zone the zone of the schedule and of "today" when inferring list dates
 * @param guide what every unit's 信息公开指南 must show unless the unit overrides it
 * @param dateSelectors host → CSS selector of the date elements of its list pages
 * @param dictionary 错敏字: wrong form → right form, in file order
 * @param units the units whose pages are scanned, in file order
 */
public record MonitorConfig(String userAgent, Crawl crawl, List<String> allowedHosts, List<String> robotsOverride,
    Optional<CronExpression> schedule, ZoneId zone, GuideContact guide, Map<String, String> dateSelectors,
    Map<String, String> dictionary, List<UnitSite> units) {
  /** The file's name inside the config directory. */
  public static final String FILE_NAME = "monitor.yaml";
  /** The User-Agent when the file names none. */
  public static final String DEFAULT_USER_AGENT = "zwgk-bot/0.1 (+政务公开办网站监测; site monitor of the county "
      + "information-disclosure office)";

  public MonitorConfig {
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(crawl, "crawl");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(guide, "guide");
    allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    robotsOverride = robotsOverride.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    dateSelectors = Map.copyOf(dateSelectors);
    dictionary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dictionary));
    units = List.copyOf(units);
  }

  /**
   * Politeness, size and time limits of one run.
   *
   * @param perHostConcurrency requests in flight per host at most
   * @param perHostDelay pause after each request before the same slot takes the next one
   * @param requestTimeout the deadline of every request: connect, headers and the whole body
   * @param pageBudget requests one run may make at most (robots.txt not counted)
   * @param newestItems how many of a column's newest items are opened and checked
   * @param runDeadline the deadline of a whole run; past it the run stops, stores nothing and frees its lock
   * @param caps the most bytes read of one answer, by its Content-Type
   */
  public record Crawl(int perHostConcurrency, Duration perHostDelay, Duration requestTimeout, int pageBudget,
      int newestItems, Duration runDeadline, Caps caps) {
    /** The default run deadline: an hour (800 requests, 2 per host, 1 s apart, take about 10 minutes). */
    public static final Duration DEFAULT_RUN_DEADLINE = Duration.ofMinutes(60);

    public Crawl {
      if (perHostConcurrency < 1 || pageBudget < 1 || newestItems < 0) {
        throw new IllegalArgumentException("crawl limits out of range");
      }
      Objects.requireNonNull(perHostDelay, "perHostDelay");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(runDeadline, "runDeadline");
      Objects.requireNonNull(caps, "caps");
      if (requestTimeout.isNegative() || requestTimeout.isZero() || runDeadline.isNegative() || runDeadline.isZero()) {
        throw new IllegalArgumentException("deadlines must be positive");
      }
    }

    /** With the default run deadline and byte caps. */
    public Crawl(int perHostConcurrency, Duration perHostDelay, Duration requestTimeout, int pageBudget,
        int newestItems) {
      this(perHostConcurrency, perHostDelay, requestTimeout, pageBudget, newestItems, DEFAULT_RUN_DEADLINE,
          Caps.defaults());
    }

    /**
     * Two requests per host, one second apart, 15 s per request, 800 requests, three newest items per column, an
     * hour per run, the default caps.
     */
    public static Crawl defaults() {
      return new Crawl(2, Duration.ofSeconds(1), Duration.ofSeconds(15), 800, 3);
    }
  }

  /**
   * The most bytes the crawler reads of one answer; a longer body is cut there and its connection closed.
   *
   * @param page HTML and XML pages (and answers without a Content-Type)
   * @param attachment everything that is neither a page nor an image (doc, pdf, xlsx, csv, txt…)
   * @param image {@code image/*}
   */
  public record Caps(long page, long attachment, long image) {
    public static final long MIB = 1024 * 1024;

    public Caps {
      if (page < 1 || attachment < 1 || image < 1) {
        throw new IllegalArgumentException("byte caps must be positive");
      }
    }

    /** Pages 5 MiB, attachments 20 MiB, images 10 MiB. */
    public static Caps defaults() {
      return new Caps(5 * MIB, 20 * MIB, 10 * MIB);
    }

    /** The cap of an answer of this Content-Type ("" when it has none). */
    long forType(String contentType) {
      String type = contentType.toLowerCase(Locale.ROOT).strip();
      if (type.startsWith("image/")) {
        return image;
      }
      return type.isEmpty() || type.contains("html") || type.contains("xml") ? page : attachment;
    }

    /** The largest of the three. */
    long largest() {
      return Math.max(page, Math.max(attachment, image));
    }
  }

  /**
   * Contact details a 信息公开指南 must show (the 政务服务中心's), each empty when not checked.
   *
   * @param address e.g. 信丰县5G产业园政务服务中心一楼
   * @param phone e.g. 0797—7177965 (dashes and spaces do not matter)
   * @param fax the fax number
   */
  public record GuideContact(Optional<String> address, Optional<String> phone, Optional<String> fax) {
    public GuideContact {
      Objects.requireNonNull(address, "address");
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(fax, "fax");
    }

    /** Nothing to check. */
    public static GuideContact none() {
      return new GuideContact(Optional.empty(), Optional.empty(), Optional.empty());
    }

    boolean isEmpty() {
      return address.isEmpty() && phone.isEmpty() && fax.isEmpty();
    }
  }

  /**
   * One unit's pages.
   *
   * @param unit the unit's full name as in units.yaml
   * @param homePage the unit's home page (links and images checked), if any
   * @param guidePage the unit's 信息公开指南 page, if any
   * @param guide what its guide must show (the file's default unless overridden)
   */
  public record UnitSite(String unit, Optional<String> homePage, Optional<String> guidePage, GuideContact guide) {
    public UnitSite {
      Objects.requireNonNull(unit, "unit");
      Objects.requireNonNull(homePage, "homePage");
      Objects.requireNonNull(guidePage, "guidePage");
      Objects.requireNonNull(guide, "guide");
    }
  }

  /** No units, no hosts, no schedule: the monitor does nothing (the file is missing). */
  public static MonitorConfig disabled() {
    return new MonitorConfig(DEFAULT_USER_AGENT, Crawl.defaults(), List.of(), List.of(), Optional.empty(),
        ZoneId.of("Asia/Shanghai"), GuideContact.none(), Map.of(), Map.of(), List.of());
  }

  /**
   * Loads {@code monitor.yaml} from {@code configDir}; a missing file gives {@link #disabled()}.
   *
   * @throws io.zwgk.bot.config.ConfigException listing every problem, each naming the file and field
   */
  public static MonitorConfig load(Path configDir) {
    return MonitorConfigFile.load(configDir, Optional.empty());
  }

  /** As {@link #load(Path)}, and every unit name must be one of {@code knownUnits} (units.yaml). */
  public static MonitorConfig load(Path configDir, Collection<String> knownUnits) {
    return MonitorConfigFile.load(configDir, Optional.of(List.copyOf(knownUnits)));
  }

  /**
   * Whether requests to this address's host and port are allowed at all: a {@code host} entry allows ports 80 and
   * 443, a {@code host:port} entry that port.
   */
  public boolean allows(java.net.URI uri) {
    return HostList.allows(allowedHosts, uri);
  }

  /** Whether this address's robots.txt is ignored (same host and port rule as {@link #allows}). */
  public boolean overridesRobots(java.net.URI uri) {
    return HostList.allows(robotsOverride, uri);
  }

  /** The date selector of this host's list pages. */
  public Optional<String> dateSelector(String host) {
    return Optional.ofNullable(host == null ? null : dateSelectors.get(host.toLowerCase(Locale.ROOT)));
  }

  /** The configured pages of one unit. */
  public Optional<UnitSite> site(String unit) {
    return units.stream().filter(u -> u.unit().equals(unit)).findFirst();
  }

  /** The robots.txt product token: the User-Agent up to its first slash or space. */
  public String robotsToken() {
    return userAgent.split("[/\\s]", 2)[0];
  }
}
