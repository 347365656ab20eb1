package io.zwgk.bot.remind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin routes of reminders and the outbox, on the real app with the repository's bot-config. */
@ExtendWith(RedisServerExtension.class)
class ReminderRoutesIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private TestApp app;

  @BeforeEach
  void start() {
    app = TestApp.start(Map.of());
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> call(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("preview shows one run per configured schedule, silent on a Sunday, and needs the admin token")
  void preview() throws Exception {
    assertThat(call("GET", "/api/v1/reminders/preview?at=2024-05-12T09:00", null).statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/reminders/preview", TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(400);

    JsonArray sunday = new JsonObject(call("GET", "/api/v1/reminders/preview?at=2024-05-12T09:00",
        TestApp.ADMIN_TOKEN).body()).getJsonArray("runs");
    assertThat(sunday).isNotEmpty();
    assertThat(sunday.stream().map(r -> ((JsonObject) r).getString("silent"))).allMatch(s -> s != null);

    JsonArray monday = new JsonObject(call("GET", "/api/v1/reminders/preview?at=2024-05-06T09:00",
        TestApp.ADMIN_TOKEN).body()).getJsonArray("runs");
    assertThat(monday.stream().map(r -> ((JsonObject) r).getString("silent"))).allMatch(s -> s == null);
    assertThat(call("GET", "/api/v1/reminders/preview?at=2024-05-06T09:00&schedule=nope", TestApp.ADMIN_TOKEN)
        .statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("the outbox lists its queue and dead letters for admins, and refuses an unknown state")
  void outbox() throws Exception {
    HttpResponse<String> queued = call("GET", "/api/v1/outbox?state=queued", TestApp.ADMIN_TOKEN);
    assertThat(queued.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(queued.body()).getJsonObject("lanes")).isNotNull();
    assertThat(new JsonObject(call("GET", "/api/v1/outbox?state=dead", TestApp.ADMIN_TOKEN).body())
        .getJsonArray("items")).isEmpty();
    assertThat(call("GET", "/api/v1/outbox?state=lost", TestApp.ADMIN_TOKEN).statusCode()).isEqualTo(400);
    assertThat(call("GET", "/api/v1/outbox", null).statusCode()).isEqualTo(401);
  }
}
