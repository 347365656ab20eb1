package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.TestApp;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class StatsImportIT {
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of("ZWGK_DEMO", "false"));
  }

  @AfterEach
  void stop() {
    app.close();
  }

  @Test
  @DisplayName("the seed's two tables imported through the API reproduce every figure of the bulletin")
  void seedFiguresReproduced() throws Exception {
    HttpResponse<String> county = put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv",
        Fixtures.seed(Fixtures.COUNTY_BOM), TestApp.ADMIN_TOKEN);
    HttpResponse<String> township = put("/api/v1/stats/2024-04?category=" + enc("乡镇"),
        Fixtures.XLSX, Fixtures.xlsx(Fixtures.seedValues(Fixtures.TOWNSHIP)), TestApp.ADMIN_TOKEN);

    assertThat(county.statusCode()).as(county.body()).isEqualTo(200);
    assertThat(township.statusCode()).as(township.body()).isEqualTo(200);
    assertThat(new JsonObject(county.body()).getJsonArray("warnings")).isEmpty();
    assertThat(new JsonObject(county.body()).getJsonArray("newUnits")).isEmpty(); // every unit is configured

    StatsStore store = app.app.services().stats();
    PeriodStats april = store.period(APRIL).await().orElseThrow();
    Map<String, BigDecimal> printed = printedRatios();
    assertThat(printed).hasSize(56);
    assertThat(april.rows()).hasSize(56);
    april.rows().forEach(r -> assertThat(r.ratio()).as(r.unit()).isEqualTo(printed.get(r.unit())));
    assertThat(april.total()).isEqualTo(20160);
    assertThat(april.monthTotal(Category.TOWNSHIP)).isEqualTo(3652);
    assertThat(april.monthTotal(Category.COUNTY_DEPT)).isEqualTo(2162);
    assertThat(april.bottom(Category.COUNTY_DEPT, 5)).extracting(UnitStats::unit)
        .containsExactlyInAnyOrder("高新区管委会", "县烟草专卖局", "县水利局", "县市场监督管理局", "统调队");

    String overview = app.app.services().commands().handle(new CommandRequest("cli", "u", "", "概况")).await().text();
    assertThat(overview).contains("20160", "3652", "2162");
  }

  @Test
  @DisplayName("a file with one bad row is refused with its row number and stores nothing")
  void badRowStoresNothing() throws Exception {
    String csv = "单位名称,本年度任务数,已发布总数,本月发布条数\n县水利局,450,86,19\n县司法局,350,abc,71\n";
    HttpResponse<String> response = put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv",
        csv.getBytes(StandardCharsets.UTF_8), TestApp.ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.getJsonObject(0).getInteger("row")).isEqualTo(3);
    assertThat(app.app.services().stats().period(APRIL).await()).isEmpty();
    assertThat(app.app.services().stats().importedUnits().await()).isEmpty();
  }

  @Test
  @DisplayName("the admin API refuses a missing or wrong token, and a malformed month")
  void adminGuards() throws Exception {
    byte[] csv = Fixtures.seed(Fixtures.COUNTY);
    assertThat(put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv", csv, null).statusCode())
        .isEqualTo(401);
    assertThat(put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv", csv, "wrong").statusCode())
        .isEqualTo(401);
    assertThat(put("/api/v1/stats/2024-13?category=" + enc("县直单位"), "text/csv", csv, TestApp.ADMIN_TOKEN)
        .statusCode()).isEqualTo(400);
    assertThat(put("/api/v1/stats/2024-04?category=x", "text/csv", csv, TestApp.ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
    assertThat(put("/api/v1/stats/2024-04", "application/pdf", csv, TestApp.ADMIN_TOKEN).statusCode())
        .isEqualTo(415);
    assertThat(app.app.services().stats().period(APRIL).await()).isEmpty();
  }

  @Test
  @DisplayName("a month outside YYYY-MM with a year of 2000-2100 (+10000-01, 1999-12, 2101-01) is refused with 400")
  void monthOutOfRangeRefused() throws Exception {
    byte[] csv = Fixtures.seed(Fixtures.COUNTY);
    for (String month : List.of("+10000-01", "1999-12", "2101-01", "2024-4", "02024-04")) {
      HttpResponse<String> response = put("/api/v1/stats/" + month + "?category=" + enc("县直单位"), "text/csv", csv,
          TestApp.ADMIN_TOKEN);
      assertThat(response.statusCode()).as(month).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getString("message")).as(month).isEqualTo(Periods.MESSAGE);
    }
    assertThat(app.app.services().stats().periods().await()).isEmpty();
    assertThat(put("/api/v1/stats/2100-12?category=" + enc("县直单位"), "text/csv", csv, TestApp.ADMIN_TOKEN)
        .statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("while Redis is down the admin API answers 503 (data store unavailable), not 500")
  void redisDownIs503() throws Exception {
    byte[] csv = Fixtures.seed(Fixtures.COUNTY);
    RedisServerExtension.stop();
    try {
      HttpResponse<String> imported = put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv", csv,
          TestApp.ADMIN_TOKEN);
      HttpResponse<String> listed = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/tracked/findings"))
          .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());

      assertThat(imported.statusCode()).as(imported.body()).isEqualTo(503);
      assertThat(new JsonObject(imported.body()).getString("message")).contains("数据服务暂不可用");
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(503);
    } finally {
      RedisServerExtension.restart();
    }
  }

  @Test
  @DisplayName("while two imports are running a third (statistics or tracked items) answers 429 and stores nothing")
  void thirdConcurrentImportRefused() throws Exception {
    byte[] csv = Fixtures.seed(Fixtures.COUNTY);
    ImportSlots slots = ImportSlots.process();
    assertThat(slots.tryAcquire()).isTrue();
    assertThat(slots.tryAcquire()).isTrue();
    HttpResponse<String> stats;
    HttpResponse<String> tracked;
    try {
      stats = put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv", csv, TestApp.ADMIN_TOKEN);
      tracked = put("/api/v1/tracked/tasks", "text/csv", "单位,任务,截止日期\n县水利局,报送,2024-05-06\n"
          .getBytes(StandardCharsets.UTF_8), TestApp.ADMIN_TOKEN);
    } finally {
      slots.release();
      slots.release();
    }

    assertThat(stats.statusCode()).as(stats.body()).isEqualTo(429);
    assertThat(new JsonObject(stats.body()).getString("message")).contains("正在导入其他表格，请稍后再试");
    assertThat(tracked.statusCode()).as(tracked.body()).isEqualTo(429);
    assertThat(app.app.services().stats().period(APRIL).await()).isEmpty();
    assertThat(put("/api/v1/stats/2024-04?category=" + enc("县直单位"), "text/csv", csv, TestApp.ADMIN_TOKEN)
        .statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("without ZWGK_ADMIN_TOKEN the admin API answers 503 and says how to turn it on")
  void noTokenConfigured() throws Exception {
    app.close();
    app = TestApp.start(Map.of("ZWGK_DEMO", "false", "ZWGK_ADMIN_TOKEN", ""));
    HttpResponse<String> response = put("/api/v1/stats/2024-04", "text/csv", Fixtures.seed(Fixtures.COUNTY), "x");
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("ZWGK_ADMIN_TOKEN");
  }

  private static Map<String, BigDecimal> printedRatios() {
    return List.of(Fixtures.COUNTY, Fixtures.TOWNSHIP).stream()
        .flatMap(f -> Fixtures.seedCells(f).stream().skip(1))
        .collect(Collectors.toMap(c -> c[0], c -> new BigDecimal(c[4])));
  }

  private HttpResponse<String> put(String path, String type, byte[] body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).header("content-type", type)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
