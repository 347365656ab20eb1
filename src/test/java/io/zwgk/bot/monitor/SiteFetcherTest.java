package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.zwgk.bot.monitor.Fetch.Failed;
import io.zwgk.bot.monitor.Fetch.Ok;
import io.zwgk.bot.monitor.Fetch.Problem;
import io.zwgk.bot.monitor.Fetch.SkipReason;
import io.zwgk.bot.monitor.Fetch.Skipped;
import io.zwgk.bot.monitor.Fetch.TooLarge;
import io.zwgk.bot.monitor.MonitorConfig.Caps;
import io.zwgk.bot.monitor.MonitorConfig.Crawl;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SiteFetcherTest {
  private static final Caps SMALL = new Caps(64 * 1024, 256 * 1024, 32 * 1024);
  private Vertx vertx;
  private HttpClient http;
  private TestSite site;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    http = MonitorService.crawlerClient(vertx);
    site = TestSite.start(vertx);
    site.text("/robots.txt", "User-agent: *\nDisallow:\n");
  }

  @AfterEach
  void stop() {
    site.close();
    vertx.close().await();
  }

  private MonitorConfig config(List<String> hosts, Duration requestTimeout) {
    MonitorConfig base = MonitorConfig.disabled();
    return new MonitorConfig("zwgk-bot/test", new Crawl(2, Duration.ZERO, requestTimeout, 50, 3,
        Duration.ofMinutes(1), SMALL), hosts, List.of(), base.schedule(), base.zone(), base.guide(), base.dateSelectors(),
        base.dictionary(), List.of());
  }

  private SiteFetcher fetcher(Duration requestTimeout, OwnPorts own) {
    return new SiteFetcher(vertx, http, config(List.of("127.0.0.1:" + site.port()), requestTimeout), own);
  }

  private <T> T onContext(Supplier<Future<T>> body) {
    Context context = vertx.getOrCreateContext();
    Promise<T> result = Promise.promise();
    context.runOnContext(v -> body.get().onComplete(result));
    return result.future().await();
  }

  private Fetch get(SiteFetcher fetcher, Function<SiteFetcher, Future<Fetch>> call) {
    return onContext(() -> call.apply(fetcher));
  }

  @Test
  @DisplayName("an endless page is cut at the page cap and its connection closed, never read whole")
  void endlessPage() {
    site.endless("/endless.html", "text/html; charset=utf-8");

    Fetch f = get(fetcher(Duration.ofSeconds(20), OwnPorts.none()), x -> x.page(site.url("/endless.html")));

    assertThat(f).isInstanceOfSatisfying(TooLarge.class, t -> {
      assertThat(t.cap()).isEqualTo(SMALL.page());
      assertThat(t.describe()).isEqualTo("超过 64 KiB 的大小上限，已停止读取");
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> site.cutOff() == 1);
  }

  @Test
  @DisplayName("the cap follows the Content-Type: images and attachments have their own")
  void capsByType() {
    site.put("/page.html", 200, "text/html", Buffer.buffer(new byte[48 * 1024]));
    site.put("/big.png", 200, "image/png", Buffer.buffer(new byte[48 * 1024]));
    site.put("/list.csv", 200, "text/csv", Buffer.buffer(new byte[200 * 1024]));
    site.endless("/endless.bin", "application/octet-stream");
    SiteFetcher fetcher = fetcher(Duration.ofSeconds(20), OwnPorts.none());

    assertThat(get(fetcher, x -> x.page(site.url("/page.html")))).isInstanceOfSatisfying(Ok.class,
        ok -> assertThat(ok.body().length()).isEqualTo(48 * 1024));
    assertThat(get(fetcher, x -> x.page(site.url("/big.png")))).isInstanceOfSatisfying(TooLarge.class,
        t -> assertThat(t.cap()).isEqualTo(SMALL.image()));
    assertThat(get(fetcher, x -> x.image(site.url("/big.png")))).isInstanceOf(TooLarge.class);
    assertThat(get(fetcher, x -> x.page(site.url("/list.csv")))).isInstanceOf(Ok.class);
    assertThat(get(fetcher, x -> x.page(site.url("/endless.bin")))).isInstanceOfSatisfying(TooLarge.class,
        t -> assertThat(t.cap()).isEqualTo(SMALL.attachment()));
  }

  @Test
  @DisplayName("a page that sends its headers and then trickles ends with a timeout at the request deadline")
  void tricklingPage() {
    site.trickle("/trickle.html");

    Fetch f = get(fetcher(Duration.ofSeconds(1), OwnPorts.none()), x -> x.page(site.url("/trickle.html")));

    assertThat(f).isInstanceOfSatisfying(Failed.class, x -> assertThat(x.problem()).isEqualTo(Problem.TIMEOUT));
    await().atMost(Duration.ofSeconds(10)).until(() -> site.cutOff() == 1);
  }

  @Test
  @DisplayName("a link checked by GET reads only the headers, so an endless target still works")
  void linkByGet() {
    site.endless("/endless.html", "text/html");
    site.refuseHead("/endless.html");

    assertThat(get(fetcher(Duration.ofSeconds(20), OwnPorts.none()), x -> x.link(site.url("/endless.html"))))
        .isInstanceOf(Ok.class);
  }

  @Test
  @DisplayName("a host without a port allows only ports 80 and 443; host:port allows that port")
  void ports() {
    site.html("/a.html", "<p>a</p>");
    SiteFetcher bare = new SiteFetcher(vertx, http, config(List.of("127.0.0.1", "localhost"), Duration.ofSeconds(5)),
        OwnPorts.none());

    assertThat(get(bare, x -> x.page(site.url("/a.html")))).isInstanceOfSatisfying(Skipped.class,
        s -> assertThat(s.reason()).isEqualTo(SkipReason.OUTSIDE_HOSTS));
    assertThat(get(bare, x -> x.link("http://localhost:" + site.port() + "/a.html")))
        .isInstanceOfSatisfying(Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.OUTSIDE_HOSTS));
    SiteFetcher listed = fetcher(Duration.ofSeconds(5), OwnPorts.none());
    assertThat(get(listed, x -> x.page(site.url("/a.html")))).isInstanceOf(Ok.class);
    assertThat(get(listed, x -> x.page("http://127.0.0.1:" + (site.port() == 1 ? 2 : site.port() - 1) + "/")))
        .isInstanceOf(Skipped.class);
    assertThat(site.requests()).containsExactly("GET /robots.txt", "GET /a.html");
  }

  @Test
  @DisplayName("the service's own ports are never requested, even when allowedHosts lists them")
  void ownPorts() {
    site.html("/a.html", "<p>a</p>");
    SiteFetcher fetcher = fetcher(Duration.ofSeconds(5), new OwnPorts(6379, site.port()));

    assertThat(get(fetcher, x -> x.page(site.url("/a.html")))).isInstanceOfSatisfying(Skipped.class,
        s -> assertThat(s.reason()).isEqualTo(SkipReason.OWN_PORT));
    assertThat(site.requests()).isEmpty();
  }

  @Test
  @DisplayName("a redirect to a port that is not allowed is not followed")
  void redirectToOtherPort() {
    site.put("/moved.html", 302, "text/html", Buffer.buffer());
    site.redirect("/moved.html", "http://127.0.0.1:6379/");

    assertThat(get(fetcher(Duration.ofSeconds(5), OwnPorts.none()), x -> x.page(site.url("/moved.html"))))
        .isInstanceOfSatisfying(Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.OUTSIDE_HOSTS));
  }
}
