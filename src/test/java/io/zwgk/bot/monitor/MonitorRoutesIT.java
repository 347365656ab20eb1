package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.remind.CronExpression;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.ScheduleStore;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
@Timeout(60)
class MonitorRoutesIT {
  private static final String TOKEN = "monitor-test-token";
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T02:00:00Z"));
  private Vertx vertx;
  private Redis redis;
  private TestSite site;
  private MonitorStore store;
  private MonitorService service;
  private HttpServer server;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    this.vertx = vertx;
    this.redis = redis;
    site = TestSite.start(vertx);
    PlantedSite.plant(site);
    TrackedStore tracked = new TrackedStore(redis);
    store = new MonitorStore(redis);
    MonitorConfig config = PlantedSite.config(site);
    config = new MonitorConfig(config.userAgent(), config.crawl(), config.allowedHosts(), config.robotsOverride(),
        Optional.of(CronExpression.parse("30 2 * * *")), config.zone(), config.guide(), config.dateSelectors(),
        config.dictionary(), config.units());
    service = new MonitorService(vertx, MonitorService.crawlerClient(vertx), config, OwnPorts.none(), tracked, store,
        clock);
    tracked.upsert(TrackedKind.COLUMNS, List.copyOf(PlantedSite.columns(site))).await();
    Router router = Router.router(vertx);
    MonitorRoutes.mount(router, new AdminAuth(Optional.of(TOKEN)), service);
    ErrorMapping.install(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    server.close().await();
    site.close();
  }

  private HttpResponse<String> call(String method, String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + pathAndQuery))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String q(String unit) {
    return URLEncoder.encode(unit, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("a run past its deadline answers 504 with the reason, and the lock is free for the next run")
  void runDeadlineIs504() throws Exception {
    site.neverAnswer("/da/index.html");
    MonitorConfig planted = PlantedSite.config(site);
    MonitorConfig quick = new MonitorConfig(planted.userAgent(), new MonitorConfig.Crawl(2, Duration.ZERO,
        Duration.ofSeconds(30), 200, 3, Duration.ofSeconds(1), MonitorConfig.Caps.defaults()), planted.allowedHosts(),
        planted.robotsOverride(), planted.schedule(), planted.zone(), planted.guide(), planted.dateSelectors(),
        planted.dictionary(), planted.units());
    MonitorService slow = new MonitorService(vertx, MonitorService.crawlerClient(vertx), quick, OwnPorts.none(),
        new TrackedStore(redis), store, clock);
    Router router = Router.router(vertx);
    MonitorRoutes.mount(router, new AdminAuth(Optional.of(TOKEN)), slow);
    ErrorMapping.install(router);
    HttpServer other = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    try {
      HttpResponse<String> run = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.actualPort()
          + "/api/v1/monitor/run?unit=" + q(PlantedSite.DAA))).POST(HttpRequest.BodyPublishers.noBody())
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

      assertThat(run.statusCode()).isEqualTo(504);
      assertThat(new JsonObject(run.body()).getString("message")).contains("1 秒");
      assertThat(call("POST", "/api/v1/monitor/run?unit=" + q(PlantedSite.WATER), TOKEN).statusCode()).isEqualTo(200);
    } finally {
      other.close().await();
    }
  }

  @Test
  @DisplayName("without the admin token nothing runs and nothing is listed")
  void token() throws Exception {
    assertThat(call("POST", "/api/v1/monitor/run", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/findings", "wrong").statusCode()).isEqualTo(401);
    assertThat(site.requests()).isEmpty();
  }

  @Test
  @DisplayName("POST run scans a unit and answers its report; GET findings lists them with evidence")
  void runAndList() throws Exception {
    HttpResponse<String> run = call("POST", "/api/v1/monitor/run?unit=" + q(PlantedSite.WATER), TOKEN);

    assertThat(run.statusCode()).isEqualTo(200);
    JsonObject report = new JsonObject(run.body());
    assertThat(report.getString("unit")).isEqualTo(PlantedSite.WATER);
    assertThat(report.getJsonArray("opened")).hasSize(PlantedSite.expectedKeys(site).size());
    assertThat(report.getJsonArray("columns").getJsonObject(0).getString("newest")).isEqualTo("2024-03-01");
    assertThat(report.getJsonArray("columns").getJsonObject(0).getString("status")).isEqualTo("dated");

    HttpResponse<String> list = call("GET", "/api/v1/findings?unit=" + q(PlantedSite.WATER) + "&state=open", TOKEN);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonArray findings = new JsonArray(list.body());
    assertThat(findings).hasSize(PlantedSite.expectedKeys(site).size());
    JsonObject first = findings.getJsonObject(0);
    assertThat(first.getString("kind")).isEqualTo("findings");
    assertThat(first.getJsonObject("evidence").getString("url")).startsWith("http://127.0.0.1:");
    assertThat(first.getJsonObject("evidence").getString("firstSeen")).isEqualTo(clock.instant().toString());
    assertThat(new JsonArray(call("GET", "/api/v1/findings?state=closed", TOKEN).body())).isEmpty();
  }

  @Test
  @DisplayName("a unit with nothing to scan is 404, a bad state 400, a busy monitor 409")
  void errors() throws Exception {
    assertThat(call("POST", "/api/v1/monitor/run?unit=" + q("县气象局"), TOKEN).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/v1/findings?state=done", TOKEN).statusCode()).isEqualTo(400);
    store.lock("someone-else", Duration.ofMinutes(1)).await();
    HttpResponse<String> busy = call("POST", "/api/v1/monitor/run", TOKEN);
    assertThat(busy.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(busy.body()).getString("message")).contains("正在进行");
  }

  @Test
  @DisplayName("the verticle scans every unit at the cron's time, once, and skips while another run holds the lock")
  void verticle() {
    MonitorVerticle verticle = new MonitorVerticle(service, schedules(), clock, Duration.ofHours(1));
    vertx.deployVerticle(verticle).await();

    assertThat(verticle.planned()).contains(ZonedDateTime.parse("2024-05-07T02:30+08:00[Asia/Shanghai]"));
    assertThat(verticle.tick().await()).as("10:00 is not a scheduled time").isEmpty();
    clock.advance(Duration.ofMinutes(16 * 60 + 31));
    Optional<MonitorReport> report = verticle.tick().await();
    assertThat(report).isPresent();
    assertThat(report.get().unit()).isEmpty();
    assertThat(report.get().opened()).hasSize(PlantedSite.expectedKeys(site).size());
    assertThat(verticle.tick().await()).as("02:30 has run").isEmpty();

    store.lock("other-instance", Duration.ofMinutes(1)).await();
    site.forgetRequests();
    clock.advance(Duration.ofDays(1));
    assertThat(verticle.tick().await()).isEmpty();
    assertThat(site.requests()).isEmpty();
  }

  @Test
  @DisplayName("a scheduled run missed during a restart is run once by the instance that starts next, never again")
  void catchUpAfterRestart() {
    MonitorVerticle before = new MonitorVerticle(service, schedules(), clock, Duration.ofHours(1));
    String id = vertx.deployVerticle(before).await();
    before.tick().await();
    vertx.undeploy(id).await();
    clock.advance(Duration.ofHours(17));

    MonitorVerticle after = new MonitorVerticle(service, schedules(), clock, Duration.ofHours(1));
    String next = vertx.deployVerticle(after).await();
    assertThat(after.tick().await()).as("02:30 was missed at 03:00").isPresent();
    assertThat(after.tick().await()).isEmpty();
    vertx.undeploy(next).await();
    site.forgetRequests();
    MonitorVerticle third = new MonitorVerticle(service, schedules(), clock, Duration.ofHours(1));
    vertx.deployVerticle(third).await();
    assertThat(third.tick().await()).isEmpty();
    assertThat(site.requests()).isEmpty();
  }

  private ScheduleStore schedules() {
    return new ScheduleStore(redis, MonitorVerticle.SCHEDULE);
  }
}
