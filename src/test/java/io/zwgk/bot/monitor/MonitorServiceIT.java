package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
@Timeout(60)
class MonitorServiceIT {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T02:00:00Z"));
  private Vertx vertx;
  private TestSite site;
  private TrackedStore tracked;
  private MonitorStore store;
  private MonitorService service;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    site = TestSite.start(vertx);
    PlantedSite.plant(site);
    tracked = new TrackedStore(redis);
    store = new MonitorStore(redis);
    service = new MonitorService(vertx, MonitorService.crawlerClient(vertx), PlantedSite.config(site), OwnPorts.none(), tracked, store,
        clock);
    tracked.upsert(TrackedKind.COLUMNS, List.copyOf(PlantedSite.columns(site))).await();
    tracked.upsert(TrackedKind.FINDINGS, List.of(new Finding("", PlantedSite.WATER, "不可用链接",
        "工作动态照片不能显示", LocalDate.of(2024, 4, 30), null, FindingState.OPEN, Optional.empty()))).await();
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private List<Finding> findings() {
    return tracked.list(TrackedKind.FINDINGS).await().stream().map(Finding.class::cast).toList();
  }

  private List<String> monitorKeys(FindingState state) {
    return findings().stream().filter(f -> f.state() == state && MonitorCategory.of(f.category()).isPresent())
        .map(Finding::naturalKey).toList();
  }

  @Test
  @DisplayName("a run opens a finding per planted problem with evidence, and stores the columns' newest dates")
  void firstRun() {
    MonitorReport report = service.run(Optional.empty()).await();

    assertThat(report.opened()).extracting(l -> l.unit() + "|" + l.category() + "|" + l.text())
        .containsExactlyInAnyOrderElementsOf(PlantedSite.expectedKeys(site));
    assertThat(monitorKeys(FindingState.OPEN)).containsExactlyInAnyOrderElementsOf(PlantedSite.expectedKeys(site));
    assertThat(findings()).filteredOn(f -> f.category().startsWith("疑似"))
        .allSatisfy(f -> assertThat(f.issued()).isEqualTo(PlantedSite.TODAY));
    Map<String, Evidence> evidence = store.evidence().await();
    assertThat(evidence.keySet()).containsExactlyInAnyOrderElementsOf(PlantedSite.expectedKeys(site));
    assertThat(evidence.values()).allSatisfy(e -> {
      assertThat(e.firstSeen()).isEqualTo(clock.instant());
      assertThat(e.excerpt()).doesNotContain(PlantedSite.VALID_ID).doesNotContain(PlantedSite.MOBILE);
    });
    assertThat(findings()).allSatisfy(f -> assertThat(f.text()).doesNotContain(PlantedSite.VALID_ID)
        .doesNotContain(PlantedSite.MOBILE));
    assertThat(tracked.list(TrackedKind.COLUMNS).await()).extracting(i -> ((TrackedItem.Column) i).lastUpdate())
        .containsExactly(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 29));
    assertThat(site.requested("/private/secret.html")).isFalse();
  }

  @Test
  @DisplayName("re-running on an unchanged site creates no new findings and keeps first-seen times")
  void rerun() {
    service.run(Optional.empty()).await();
    List<Finding> before = findings();
    Instant firstRun = clock.instant();
    clock.advance(Duration.ofDays(1));

    MonitorReport again = service.run(Optional.empty()).await();

    assertThat(again.opened()).isEmpty();
    assertThat(again.closed()).isEmpty();
    assertThat(again.seenAgain()).hasSize(PlantedSite.expectedKeys(site).size());
    assertThat(findings()).isEqualTo(before);
    assertThat(store.evidence().await().values()).allSatisfy(e -> {
      assertThat(e.firstSeen()).isEqualTo(firstRun);
      assertThat(e.lastSeen()).isEqualTo(clock.instant());
    });
  }

  @Test
  @DisplayName("fixing pages closes their findings, staff findings stay; a problem that comes back reopens")
  void fixAndReopen() {
    service.run(Optional.empty()).await();
    String mobileKey = PlantedSite.expectedKeys(site).get(5);
    String mobileId = findings().stream().filter(f -> f.naturalKey().equals(mobileKey)).findFirst().orElseThrow().id();
    site.html("/slj/notice1.html", PlantedSite.page("关于春耕的通知", "<p>如有疑问请联系张三，电话138****5678。</p>"));
    site.html("/slj/guide.html", PlantedSite.guide(PlantedSite.RIGHT_PHONE_LINE));
    site.html("/slj/dead.html", PlantedSite.page("往年计划", "<p>已恢复</p>"));

    MonitorReport fixed = service.run(Optional.of(PlantedSite.WATER)).await();

    List<String> expected = PlantedSite.expectedKeys(site);
    assertThat(fixed.closed()).extracting(l -> l.unit() + "|" + l.category() + "|" + l.text())
        .containsExactlyInAnyOrder(expected.get(0), expected.get(3), expected.get(5));
    assertThat(monitorKeys(FindingState.CLOSED)).containsExactlyInAnyOrder(expected.get(0), expected.get(3),
        expected.get(5));
    assertThat(findings()).filteredOn(f -> f.category().equals("不可用链接")).singleElement()
        .extracting(Finding::state).isEqualTo(FindingState.OPEN);

    site.html("/slj/notice1.html", PlantedSite.page("关于春耕的通知", "<p>" + PlantedSite.MOBILE_LINE + "</p>"));
    MonitorReport back = service.run(Optional.of(PlantedSite.WATER)).await();

    assertThat(back.opened()).singleElement().satisfies(l -> assertThat(l.id()).isEqualTo(mobileId));
    assertThat(monitorKeys(FindingState.OPEN)).contains(mobileKey);
  }

  @Test
  @DisplayName("a deleted item page closes the findings seen on it; a page that cannot be read closes nothing")
  void goneAndUnreadable() {
    service.run(Optional.empty()).await();
    site.put("/slj/notice2.html", 500, "text/html", io.vertx.core.buffer.Buffer.buffer("error"));
    site.html("/slj/list-notice.html", PlantedSite.page("通知公告",
        "<ul><li><a href=\"/slj/notice2.html\">会议纪要</a>2024-04-20</li></ul>"));

    MonitorReport report = service.run(Optional.of(PlantedSite.WATER)).await();

    String privacyKey = PlantedSite.expectedKeys(site).get(5);
    String typoKey = PlantedSite.expectedKeys(site).get(6);
    assertThat(report.closed()).extracting(l -> l.unit() + "|" + l.category() + "|" + l.text())
        .as("notice1 left the newest items but was revisited; notice2 answers 500").containsExactly();
    assertThat(monitorKeys(FindingState.OPEN)).contains(privacyKey, typoKey);
    assertThat(site.requested("/slj/notice1.html")).isTrue();

    site.put("/slj/notice2.html", 404, "text/html", io.vertx.core.buffer.Buffer.buffer("gone"));
    MonitorReport gone = service.run(Optional.of(PlantedSite.WATER)).await();
    assertThat(gone.closed()).extracting(l -> l.unit() + "|" + l.category() + "|" + l.text()).containsExactly(typoKey);
  }

  @Test
  @DisplayName("a run of one unit touches only that unit's pages and findings")
  void oneUnit() {
    MonitorReport report = service.run(Optional.of(PlantedSite.DAA)).await();

    assertThat(report.opened()).isEmpty();
    assertThat(report.columns()).isEmpty();
    assertThat(site.requested("/slj/index.html")).isFalse();
    assertThat(site.requested("/da/guide.html")).isTrue();
    assertThatThrownBy(() -> service.run(Optional.of("县气象局")).await())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("while another instance holds the lock a run is refused, and the lock is released after a run")
  void lock() {
    assertThat(store.lock("other-instance", Duration.ofMinutes(1)).await()).isTrue();
    assertThatThrownBy(() -> service.run(Optional.empty()).await()).isInstanceOf(MonitorBusyException.class);
    assertThat(site.requests()).isEmpty();

    store.unlock("other-instance").await();
    service.run(Optional.of(PlantedSite.DAA)).await();
    assertThat(store.lock("next", Duration.ofMinutes(1)).await()).isTrue();
  }

  @Test
  @DisplayName("findings are listed with their evidence, filtered by unit and state")
  void listing() {
    service.run(Optional.empty()).await();

    List<FindingView> open = service.findings(Optional.of(PlantedSite.WATER), Set.of(FindingState.OPEN)).await();
    assertThat(open).hasSize(PlantedSite.expectedKeys(site).size() + 1);
    assertThat(open).filteredOn(v -> v.finding().category().equals("不可用链接")).singleElement()
        .extracting(FindingView::evidence).isEqualTo(Optional.empty());
    assertThat(open).filteredOn(v -> v.finding().category().startsWith("疑似"))
        .allSatisfy(v -> assertThat(v.evidence()).isPresent());
    assertThat(service.findings(Optional.of(PlantedSite.DAA), Set.of()).await()).isEmpty();
    assertThat(service.findings(Optional.empty(), Set.of(FindingState.CLOSED)).await()).isEmpty();
  }

  private MonitorService service(MonitorConfig.Crawl crawl, java.time.Clock runClock) {
    MonitorConfig c = PlantedSite.config(site);
    return new MonitorService(vertx, MonitorService.crawlerClient(vertx), new MonitorConfig(c.userAgent(), crawl,
        c.allowedHosts(), c.robotsOverride(), c.schedule(), c.zone(), c.guide(), c.dateSelectors(), c.dictionary(),
        c.units()), OwnPorts.none(), tracked, store, runClock);
  }

  @Test
  @DisplayName("an endless page is cut at the page cap: the run finishes and its report notes the page")
  void endlessPage() {
    site.endless("/da/index.html", "text/html; charset=utf-8");
    MonitorService capped = service(new MonitorConfig.Crawl(2, Duration.ZERO, Duration.ofSeconds(20), 200, 3,
        Duration.ofMinutes(1), new MonitorConfig.Caps(256 * 1024, 1024 * 1024, 512 * 1024)), clock);

    MonitorReport report = capped.run(Optional.of(PlantedSite.DAA)).await();

    assertThat(report.problems()).extracting(MonitorReport.PageProblem::url, MonitorReport.PageProblem::problem)
        .contains(org.assertj.core.groups.Tuple.tuple(site.url("/da/index.html"),
            "未读完：页面超过 256 KiB 的大小上限，已停止读取，未检查"));
    assertThat(site.requested("/da/guide.html")).isTrue();
    assertThat(store.lock("next", Duration.ofMinutes(1)).await()).isTrue();
  }

  @Test
  @DisplayName("a run that passes its deadline stops, stores nothing and frees the lock for the next run")
  void runDeadline() {
    site.neverAnswer("/da/index.html");
    MonitorService slow = service(new MonitorConfig.Crawl(2, Duration.ZERO, Duration.ofSeconds(30), 200, 3,
        Duration.ofSeconds(1), MonitorConfig.Caps.defaults()), clock);

    assertThatThrownBy(() -> slow.run(Optional.of(PlantedSite.DAA)).await())
        .isInstanceOf(MonitorDeadlineException.class).hasMessageContaining("1 秒");

    assertThat(store.evidence().await()).isEmpty();
    MonitorReport next = service.run(Optional.of(PlantedSite.WATER)).await();
    assertThat(next.opened()).isNotEmpty();
  }

  @Test
  @DisplayName("a run that fails frees the lock: the next run starts")
  void failedRunFreesLock() {
    java.time.Clock broken = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return java.time.ZoneOffset.UTC;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        throw new IllegalStateException("clock broken");
      }
    };
    MonitorService failing = service(PlantedSite.config(site).crawl(), broken);

    assertThatThrownBy(() -> failing.run(Optional.of(PlantedSite.DAA)).await()).hasMessageContaining("clock broken");

    assertThat(store.lock("next", Duration.ofMinutes(1)).await()).isTrue();
  }
}
