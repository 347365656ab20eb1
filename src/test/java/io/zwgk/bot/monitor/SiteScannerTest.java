package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.zwgk.bot.monitor.MonitorReport.ColumnCheck;
import io.zwgk.bot.monitor.MonitorReport.ColumnStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SiteScannerTest {
  private Vertx vertx;
  private HttpClient web;
  private TestSite site;
  private MonitorConfig config;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    web = MonitorService.crawlerClient(vertx);
    site = TestSite.start(vertx);
    PlantedSite.plant(site);
    config = PlantedSite.config(site);
  }

  @AfterEach
  void stop() {
    site.close();
    vertx.close().await();
  }

  private UnitScan scanAll(SiteFetcher fetcher) {
    SiteScanner scanner = new SiteScanner(vertx, fetcher, config, PlantedSite.TODAY);
    List<UnitPlan> plans = ScanPlans.of(config, Optional.empty(), PlantedSite.columns(site), List.of(),
        java.util.Map.of());
    return onContext(() -> Future.all(plans.stream().map(scanner::scan).toList())
        .map(all -> UnitScan.all(all.list())));
  }

  private <T> T onContext(Supplier<Future<T>> body) {
    Context context = vertx.getOrCreateContext();
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> body.get().onComplete(result));
    return result.future().await();
  }

  @Test
  @DisplayName("every planted problem is found and nothing else")
  void plantedProblems() {
    UnitScan scan = scanAll(new SiteFetcher(vertx, web, config, OwnPorts.none()));

    assertThat(scan.observations().stream().map(Observation::naturalKey).distinct())
        .containsExactlyInAnyOrderElementsOf(PlantedSite.expectedKeys(site));
  }

  @Test
  @DisplayName("the stale and the fresh column get their newest dates; the newest items were read")
  void columns() {
    UnitScan scan = scanAll(new SiteFetcher(vertx, web, config, OwnPorts.none()));

    assertThat(scan.columns()).extracting(ColumnCheck::column, ColumnCheck::status, ColumnCheck::newest)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("工作动态", ColumnStatus.DATED, Optional.of(LocalDate.of(2024, 3, 1))),
            org.assertj.core.groups.Tuple.tuple("通知公告", ColumnStatus.DATED, Optional.of(LocalDate.of(2024, 4, 29))));
    assertThat(site.requested("/slj/news2.html")).isTrue();
    assertThat(site.requested("/slj/notice2.html")).isTrue();
  }

  @Test
  @DisplayName("evidence quotes the page but shows personal numbers only masked")
  void evidence() {
    UnitScan scan = scanAll(new SiteFetcher(vertx, web, config, OwnPorts.none()));

    assertThat(scan.observations()).allSatisfy(o -> assertThat(o.text() + o.excerpt())
        .doesNotContain(PlantedSite.VALID_ID).doesNotContain(PlantedSite.MOBILE));
    assertThat(scan.observations()).filteredOn(o -> o.category() == MonitorCategory.GUIDE).singleElement()
        .extracting(Observation::excerpt).isEqualTo("页面写的是：" + PlantedSite.WRONG_PHONE_LINE);
    assertThat(scan.observations()).filteredOn(o -> o.category() == MonitorCategory.TYPO).singleElement()
        .extracting(Observation::excerpt).isEqualTo(PlantedSite.TYPO_LINE);
    assertThat(scan.observations()).filteredOn(o -> o.text().endsWith("/slj/dead.html")).first()
        .extracting(Observation::excerpt, Observation::page)
        .containsExactly("链接“往年计划”：HTTP 404", site.url("/slj/index.html"));
    assertThat(scan.observations()).filteredOn(o -> o.text().endsWith("/slj/slow.html")).first()
        .extracting(Observation::excerpt).isEqualTo("链接“在线办事”：请求超时");
  }

  @Test
  @DisplayName("robots.txt is honoured, HEAD falls back to GET, outside hosts are skipped, at most 2 requests at once")
  void politeness() {
    SiteFetcher fetcher = new SiteFetcher(vertx, web, config, OwnPorts.none());
    scanAll(fetcher);

    assertThat(site.requested("/private/secret.html")).isFalse();
    assertThat(site.requests()).contains("HEAD /slj/head-refused.html", "GET /slj/head-refused.html");
    assertThat(site.requests().stream().filter(r -> r.equals("GET /robots.txt"))).hasSize(1);
    assertThat(site.maxInFlight()).isLessThanOrEqualTo(2);
    assertThat(fetcher.skipped()).containsEntry(Fetch.SkipReason.ROBOTS, 1)
        .containsEntry(Fetch.SkipReason.OUTSIDE_HOSTS, 1);
    assertThat(fetcher.requests()).isEqualTo(site.requests().size() - 1);
  }

  @Test
  @DisplayName("when the budget runs out the remaining targets are skipped and their pages are not covered")
  void budget() {
    config = new MonitorConfig(config.userAgent(), new MonitorConfig.Crawl(2, java.time.Duration.ZERO,
        java.time.Duration.ofSeconds(1), 3, 3), config.allowedHosts(), config.robotsOverride(), config.schedule(),
        config.zone(), config.guide(), config.dateSelectors(), config.dictionary(), config.units());
    SiteFetcher fetcher = new SiteFetcher(vertx, web, config, OwnPorts.none());
    UnitScan scan = scanAll(fetcher);

    assertThat(fetcher.requests()).isEqualTo(3);
    assertThat(fetcher.budgetSpent()).isTrue();
    assertThat(site.requests()).hasSize(4);
    assertThat(scan.covered()).doesNotContain(site.url("/slj/index.html"));
  }

  @Test
  @DisplayName("a robots.txt that cannot be read (server error) forbids the whole host for the run")
  void robotsServerError() {
    site.put("/robots.txt", 503, "text/plain", io.vertx.core.buffer.Buffer.buffer("busy"));
    SiteFetcher fetcher = new SiteFetcher(vertx, web, config, OwnPorts.none());
    UnitScan scan = scanAll(fetcher);

    assertThat(site.requests()).containsExactly("GET /robots.txt");
    assertThat(scan.observations()).isEmpty();
    assertThat(scan.columns()).extracting(ColumnCheck::status).containsOnly(ColumnStatus.SKIPPED);
  }

  @Test
  @DisplayName("hosts in robotsOverride are crawled without asking robots.txt")
  void robotsOverride() {
    config = new MonitorConfig(config.userAgent(), config.crawl(), config.allowedHosts(), List.of("127.0.0.1:" + site.port()),
        config.schedule(), config.zone(), config.guide(), config.dateSelectors(), config.dictionary(),
        config.units());
    scanAll(new SiteFetcher(vertx, web, config, OwnPorts.none()));

    assertThat(site.requested("/robots.txt")).isFalse();
    assertThat(site.requested("/private/secret.html")).isTrue();
  }
}
