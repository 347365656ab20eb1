package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.zwgk.bot.http.ErrorMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class CalendarRoutesTest {
  private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static Vertx vertx;
  private static HttpServer server;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    ErrorMapping.install(router);
    CalendarRoutes.mount(router, WorkCalendar.load(Path.of("bot-config", "holidays-cn.csv")));
    server = vertx.createHttpServer().requestHandler(router).listen(0).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  @DisplayName("5 working days from 2024-04-30 end on 2024-05-10, not estimated")
  void bulletinDeadline() throws Exception {
    HttpResponse<String> response = get("?from=2024-04-30&n=5");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject()
        .put("from", "2024-04-30").put("n", 5).put("date", "2024-05-10").put("estimated", false));
  }

  @Test
  @DisplayName("a deadline running into 2027 is marked estimated")
  void estimated() throws Exception {
    HttpResponse<String> response = get("?from=2026-12-30&n=3");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject()
        .put("from", "2026-12-30").put("n", 3).put("date", "2027-01-04").put("estimated", true));
  }

  @ParameterizedTest(name = "query [{0}]")
  @CsvSource(delimiter = '|', value = {
      "''                      | 缺少起算日期 from",
      "?n=5                    | 缺少起算日期 from",
      "?from=2024-04-30        | 缺少工作日天数 n",
      "?from=2024/04/30&n=5    | 起算日期应为有效日期 YYYY-MM-DD",
      "?from=2024-02-30&n=5    | 起算日期应为有效日期 YYYY-MM-DD",
      "?from=1999-12-31&n=5    | 起算日期的年份须在 2000 到 2099 之间",
      "?from=2024-04-30&n=0    | 工作日天数 n 须为 1 到 365 的整数",
      "?from=2024-04-30&n=366  | 工作日天数 n 须为 1 到 365 的整数",
      "?from=2024-04-30&n=-1   | 工作日天数 n 须为 1 到 365 的整数",
      "?from=2024-04-30&n=five | 工作日天数 n 须为 1 到 365 的整数",
      "?from=2024-04-30&n=99999999999 | 工作日天数 n 须为 1 到 365 的整数",
  })
  @DisplayName("missing or bad parameters give 400 with a Chinese and English reason")
  void badParameters(String query, String reason) throws Exception {
    HttpResponse<String> response = get(query);
    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getInteger("status")).isEqualTo(400);
    assertThat(body.getString("message")).startsWith(reason).matches(".*\\([a-z][ -~–]+\\)$");
  }

  private static HttpResponse<String> get(String query) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.actualPort() + "/api/v1/calendar/add-workdays" + query);
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
