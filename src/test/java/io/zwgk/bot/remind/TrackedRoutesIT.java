package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxRedisExtension.class)
class TrackedRoutesIT {
  private static final String TOKEN = "tracked-test-token";
  private static final String TASKS = """
      任务,单位名称,截止日期,是否完成
      报送年报,水利局,2024-01-31,是
      报送年报,县司法局,2024-01-31,否
      以干代训,县水利局,2024-06-30,
      """;

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    TrackedImporter importer = new TrackedImporter(vertx, new TrackedStore(redis), TrackedFixtures.RESOLVER,
        TrackedFixtures.WEEKDAYS);
    Router router = Router.router(vertx);
    TrackedRoutes.mount(router, new AdminAuth(Optional.of(TOKEN)), importer);
    ErrorMapping.install(router);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
  }

  @AfterEach
  void stop() {
    server.close().await();
  }

  @Test
  @DisplayName("without the admin token nothing is imported or listed")
  void tokenGuard() throws Exception {
    assertThat(put("tasks", "text/csv", TASKS, null).statusCode()).isEqualTo(401);
    assertThat(put("tasks", "text/csv", TASKS, "wrong").statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/tracked/tasks", null).statusCode()).isEqualTo(401);
    assertThat(TestRedis.keys("zwgk:tracked:*")).isEmpty();
  }

  @Test
  @DisplayName("a table with a bad row is refused with 400 and its row, and nothing is stored")
  void badRow() throws Exception {
    HttpResponse<String> response = put("tasks", "text/csv", TASKS + "报送年报,县气象局,2024-01-31,\n", TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.getJsonObject(0).getInteger("row")).isEqualTo(5);
    assertThat(errors.getJsonObject(0).getString("message")).contains("县气象局");
    assertThat(TestRedis.keys("zwgk:tracked:*")).isEmpty();
  }

  @Test
  @DisplayName("an imported table lists back with ids, filtered by unit when asked, and a re-import keeps the ids")
  void importAndList() throws Exception {
    HttpResponse<String> imported = put("tasks", "text/csv; charset=utf-8", TASKS, TOKEN);
    HttpResponse<String> again = put("tasks", "text/csv", TASKS, TOKEN);

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonObject result = new JsonObject(imported.body());
    assertThat(result.getInteger("rows")).isEqualTo(3);
    assertThat(result.getInteger("created")).isEqualTo(3);
    assertThat(result.getJsonArray("warnings")).hasSize(1);
    assertThat(new JsonObject(again.body()).getInteger("created")).isZero();

    JsonArray all = new JsonArray(get("/api/v1/tracked/tasks", TOKEN).body());
    JsonArray water = new JsonArray(get("/api/v1/tracked/tasks?unit=" + enc("水利局"), TOKEN).body());
    assertThat(all).hasSize(3);
    assertThat(water.stream().map(o -> ((JsonObject) o).getString("id"))).containsExactly("1", "3");
    JsonObject first = water.getJsonObject(0);
    assertThat(first.getString("kind")).isEqualTo("tasks");
    assertThat(first.getString("unit")).isEqualTo("县水利局");
    assertThat(first.getString("deadline")).isEqualTo("2024-01-31");
    assertThat(first.getBoolean("done")).isTrue();
    assertThat(new JsonArray(get("/api/v1/tracked/columns", TOKEN).body())).isEmpty();
  }

  @Test
  @DisplayName("an unknown kind answers 404 naming the valid ones; an unsupported file type answers 415")
  void unknownKindAndType() throws Exception {
    HttpResponse<String> unknown = put("deadlines", "text/csv", TASKS, TOKEN);
    HttpResponse<String> unknownList = get("/api/v1/tracked/deadlines", TOKEN);

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknownList.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(unknown.body()).getJsonArray("kinds")).containsExactly(
        "columns", "accounts", "tasks", "opendays", "policies", "letters", "findings");
    assertThat(unknown.body()).contains("findings");
    assertThat(put("tasks", "application/pdf", TASKS, TOKEN).statusCode()).isEqualTo(415);
    assertThat(TestRedis.keys("zwgk:tracked:*")).isEmpty();
  }

  @Test
  @DisplayName("an upload over 10 MiB is refused with 413")
  void tooLarge() throws Exception {
    String big = TASKS + "x".repeat(TrackedRoutes.MAX_UPLOAD_BYTES);

    assertThat(put("tasks", "text/csv", big, TOKEN).statusCode()).isEqualTo(413);
    assertThat(TestRedis.keys("zwgk:tracked:*")).isEmpty();
  }

  private HttpResponse<String> put(String kind, String contentType, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/tracked/" + kind))
        .header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private String base() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
