package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BulletinJsonTest {
  @Test
  @DisplayName("a published bulletin survives the JSON the store keeps, and the JSON carries text, sections and ratios")
  void roundTrip() {
    Bulletin published = SeedBulletin.statsOnly(LocalDate.of(2024, 5, 6)).published(new Publication(
        Instant.parse("2024-05-06T02:30:00Z"), "dingtalk", "manager1234", "李四", LocalDate.of(2024, 5, 6)));

    JsonObject json = new JsonObject(BulletinJson.toJson(published).encode());

    assertThat(BulletinJson.bulletin(json)).isEqualTo(published);
    assertThat(json.getString("status")).isEqualTo("published");
    assertThat(json.getString("fullText")).isEqualTo(published.fullText());
    assertThat(json.getJsonArray("sections").getJsonObject(0).getString("title")).isEqualTo("基本情况");
    JsonObject first = json.getJsonArray("tables").getJsonObject(0).getJsonArray("rows").getJsonObject(0);
    assertThat(first.encode())
        .isEqualTo("{\"unit\":\"县农业农村局\",\"task\":550,\"total\":631,\"month\":153,\"ratio\":114.73}");
    assertThat(json.getJsonObject("publication").getString("userName")).isEqualTo("李四");
  }

  @Test
  @DisplayName("the default month is the previous one on days 1–10 and the current one from the 11th")
  void defaultPeriod() {
    assertThat(BulletinService.defaultPeriod(LocalDate.of(2024, 5, 10))).hasToString("2024-04");
    assertThat(BulletinService.defaultPeriod(LocalDate.of(2024, 5, 11))).hasToString("2024-05");
    assertThat(BulletinService.defaultPeriod(LocalDate.of(2024, 1, 3))).hasToString("2023-12");
  }
}
