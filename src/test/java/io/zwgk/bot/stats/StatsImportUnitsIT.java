package io.zwgk.bot.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The import through the admin API with the repository's bot-config units: names, new units, deletions, files. */
@ExtendWith(RedisServerExtension.class)
class StatsImportUnitsIT {
  private static final YearMonth APRIL = YearMonth.of(2024, 4);
  private static final String HEADER = "单位名称,本年度任务数,已发布总数,本月发布条数\n";
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
  @DisplayName("a GBK CSV imports through the API and the answer names the encoding read")
  void gbkCsv() throws Exception {
    String text = new String(Fixtures.seed(Fixtures.COUNTY), StandardCharsets.UTF_8);
    HttpResponse<String> gbk = send("PUT", "/api/v1/stats/2024-04?category=" + enc("县直单位"),
        text.getBytes(Charset.forName("GBK")), TestApp.ADMIN_TOKEN);
    HttpResponse<String> utf8 = send("PUT", "/api/v1/stats/2024-04?category=" + enc("县直单位"),
        Fixtures.seed(Fixtures.COUNTY), TestApp.ADMIN_TOKEN);

    assertThat(gbk.statusCode()).as(gbk.body()).isEqualTo(200);
    assertThat(new JsonObject(gbk.body()).getString("encoding")).isEqualTo("GB18030");
    assertThat(new JsonObject(gbk.body()).getInteger("rows")).isEqualTo(40);
    assertThat(new JsonObject(utf8.body()).getString("encoding")).isEqualTo("UTF-8");
    assertThat(stats().period(APRIL).await().orElseThrow().rows()).extracting(UnitStats::unit).contains("县农业农村局");
  }

  @Test
  @DisplayName("水利局 is stored as 县水利局 with a warning, creates no unit, and 完成率 水利局 still answers")
  void shortNameStoredUnderConfiguredName() throws Exception {
    HttpResponse<String> r = send("PUT", "/api/v1/stats/2024-04?category=" + enc("县直单位"),
        utf8(HEADER + "水利局,450,86,19\n"), TestApp.ADMIN_TOKEN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getJsonArray("newUnits")).isEmpty();
    assertThat(body.getJsonArray("warnings").getJsonObject(0).getString("message")).isEqualTo("“水利局”按单位“县水利局”导入");
    assertThat(stats().period(APRIL).await().orElseThrow().rows()).extracting(UnitStats::unit)
        .containsExactly("县水利局");
    assertThat(app.app.services().importer().importOnly().await()).isEmpty();
    String reply = app.app.services().commands().handle(new CommandRequest("cli", "u", "", "完成率 水利局")).await().text();
    assertThat(reply).contains("县水利局").doesNotContain("可能是");
  }

  @Test
  @DisplayName("a typo is refused with a suggestion and nothing stored; accepted, it is listed, shown and removable")
  void unknownUnitLifecycle() throws Exception {
    byte[] csv = utf8(HEADER + "县水历局,450,86,19\n县司法局,350,376,71\n");
    HttpResponse<String> refused = send("PUT", "/api/v1/stats/2024-04?category=" + enc("县直单位"), csv,
        TestApp.ADMIN_TOKEN);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    JsonArray errors = new JsonObject(refused.body()).getJsonArray("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.getJsonObject(0).getString("message")).contains("县水历局", "是不是“县水利局”", "newUnits=accept");
    assertThat(stats().period(APRIL).await()).isEmpty();
    assertThat(stats().importedUnits().await()).isEmpty();
    assertThat(send("PUT", "/api/v1/stats/2024-04?newUnits=maybe&category=" + enc("县直单位"), csv,
        TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(400);

    HttpResponse<String> accepted = send("PUT", "/api/v1/stats/2024-04?newUnits=accept&category=" + enc("县直单位"),
        csv, TestApp.ADMIN_TOKEN);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(new JsonObject(accepted.body()).getJsonArray("newUnits")).containsExactly("县水历局");

    JsonObject listed = new JsonObject(send("GET", "/api/v1/units", null, TestApp.ADMIN_TOKEN).body());
    assertThat(listed.getJsonArray("units")).containsExactly(
        new JsonObject().put("name", "县水历局").put("category", "县直单位"));
    assertThat(send("GET", "/api/v1/units/" + enc("县水历局"), null, TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/units", null, null).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/api/v1/units/" + enc("县水历局"), null, null).statusCode()).isEqualTo(401);
    assertThat(send("DELETE", "/api/v1/units/" + enc("县司法局"), null, TestApp.ADMIN_TOKEN).statusCode())
        .isEqualTo(409);

    HttpResponse<String> removed = send("DELETE", "/api/v1/units/" + enc("县水历局"), null, TestApp.ADMIN_TOKEN);
    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(new JsonObject(removed.body()).getJsonArray("removedMonths")).containsExactly("2024-04");
    assertThat(stats().period(APRIL).await().orElseThrow().rows()).extracting(UnitStats::unit)
        .containsExactly("县司法局");
    assertThat(send("GET", "/api/v1/units/" + enc("县水历局"), null, TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(404);
    assertThat(send("DELETE", "/api/v1/units/" + enc("县水历局"), null, TestApp.ADMIN_TOKEN).statusCode())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("a month's figures are deleted by category or whole, with the admin token only")
  void deleteMonth() throws Exception {
    importSeeds();
    assertThat(send("DELETE", "/api/v1/stats/2024-04", null, null).statusCode()).isEqualTo(401);

    HttpResponse<String> townships = send("DELETE", "/api/v1/stats/2024-04?category=" + enc("乡镇"), null,
        TestApp.ADMIN_TOKEN);
    assertThat(townships.statusCode()).as(townships.body()).isEqualTo(200);
    assertThat(new JsonObject(townships.body()).getLong("removedRows")).isEqualTo(16L);
    assertThat(stats().period(APRIL).await().orElseThrow().rows()).hasSize(40)
        .allSatisfy(r -> assertThat(r.category()).isEqualTo(Category.COUNTY_DEPT));

    HttpResponse<String> all = send("DELETE", "/api/v1/stats/2024-04", null, TestApp.ADMIN_TOKEN);
    assertThat(new JsonObject(all.body()).getLong("removedRows")).isEqualTo(40L);
    assertThat(stats().period(APRIL).await()).isEmpty();
    assertThat(stats().periods().await()).isEmpty();
  }

  @Test
  @DisplayName("the service's own /bulletins/{period}.xlsx re-imports both tables in their categories, 乡镇 asked")
  void bulletinWorkbookReimports() throws Exception {
    importSeeds();
    HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/bulletins/2024-04.xlsx"))
        .header("Authorization", "Bearer " + TestApp.ADMIN_TOKEN).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    send("DELETE", "/api/v1/stats/2024-04", null, TestApp.ADMIN_TOKEN);

    HttpResponse<String> r = send("PUT", "/api/v1/stats/2024-04?category=" + enc("乡镇"), xlsx.body(),
        TableFormat.XLSX_CONTENT_TYPE, TestApp.ADMIN_TOKEN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(new JsonObject(r.body()).getInteger("rows")).isEqualTo(56);
    List<UnitStats> rows = stats().period(APRIL).await().orElseThrow().rows();
    assertThat(rows.stream().filter(u -> u.category() == Category.COUNTY_DEPT)).hasSize(40);
    assertThat(rows.stream().filter(u -> u.category() == Category.TOWNSHIP)).hasSize(16);
  }

  @Test
  @DisplayName("county departments imported as townships are refused, not re-categorised")
  void wrongCategoryRefused() throws Exception {
    HttpResponse<String> r = send("PUT", "/api/v1/stats/2024-04?category=" + enc("乡镇"),
        Fixtures.seed(Fixtures.COUNTY), TestApp.ADMIN_TOKEN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(new JsonObject(r.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("配置为县直单位，本行却按乡镇导入");
    assertThat(stats().period(APRIL).await()).isEmpty();
  }

  private void importSeeds() throws Exception {
    assertThat(send("PUT", "/api/v1/stats/2024-04?category=" + enc("县直单位"), Fixtures.seed(Fixtures.COUNTY),
        TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(200);
    assertThat(send("PUT", "/api/v1/stats/2024-04?category=" + enc("乡镇"), Fixtures.seed(Fixtures.TOWNSHIP),
        TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(200);
  }

  private StatsStore stats() {
    return app.app.services().stats();
  }

  private HttpResponse<String> send(String method, String path, byte[] body, String token) throws Exception {
    return send(method, path, body, "text/csv", token);
  }

  private HttpResponse<String> send(String method, String path, byte[] body, String type, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      b.header("content-type", type);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
