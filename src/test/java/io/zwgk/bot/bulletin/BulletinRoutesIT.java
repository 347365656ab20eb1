package io.zwgk.bot.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.http.JsonBodies;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.Periods;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulletin's HTTP routes on a real server and Redis; the chat side has one broadcast group, never sent to. */
@ExtendWith(VertxRedisExtension.class)
class BulletinRoutesIT {
  private static final String TOKEN = "bulletin-test-token";
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T01:00:00Z"));
  private HttpServer server;
  private WebClient web;
  private StatsStore stats;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    ChatConfig chat = new ChatConfig(List.of(), List.of(new io.zwgk.bot.config.GroupConfig("县直单位工作群", "dingtalk",
        "default", Optional.empty(), Optional.of(new io.zwgk.bot.config.Secret(
            "https://oapi.dingtalk.com/robot/send?access_token=t")), Optional.empty(), false, true, List.of())));
    BulletinService service = new BulletinService(new BulletinStore(redis), stats, new TrackedStore(redis),
        new MonitorStore(redis), new SentReminderStore(redis), new Outbox(new OutboxStore(redis), chat, p -> 4000,
            clock), new BindingStore(redis), chat, new BulletinSetup(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR,
            ReminderRules.defaults(), SeedBulletin.BOT.units(), SeedBulletin.BOT.unitNames(), Optional.empty()), clock);
    Router router = Router.router(vertx);
    ErrorMapping.install(router);
    BulletinRoutes.mount(router, new AdminAuth(Optional.of(TOKEN)), service);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    web = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    web.close();
    server.close().await();
  }

  private HttpResponse<Buffer> call(HttpMethod method, String path, boolean token, String body) {
    var request = web.request(method, server.actualPort(), "127.0.0.1", path);
    if (token) {
      request.putHeader("Authorization", "Bearer " + TOKEN);
    }
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private HttpResponse<Buffer> get(String path, boolean token) {
    return call(HttpMethod.GET, path, token, null);
  }

  @Test
  @DisplayName("a draft needs the admin token, as JSON and as a page; the page shows both tables")
  void draftNeedsToken() {
    stats.save(SeedBulletin.APRIL, SeedBulletin.rows()).await();

    assertThat(get("/api/v1/bulletins/2024-04", false).statusCode()).isEqualTo(401);
    assertThat(get("/bulletins/2024-04", false).statusCode()).isEqualTo(401);
    assertThat(get("/bulletins/2024-04.docx", false).statusCode()).isEqualTo(401);
    assertThat(get("/bulletins/2024-04/chart.png", false).statusCode()).isEqualTo(401);
    JsonObject json = get("/api/v1/bulletins/2024-04", true).bodyAsJsonObject();
    assertThat(json.getString("status")).isEqualTo("draft");
    assertThat(json.getJsonArray("missing").getString(0)).startsWith("缺少：网络问政信件数未录入");
    HttpResponse<Buffer> page = get("/bulletins/2024-04", true);
    assertThat(page.getHeader("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.getHeader("cache-control")).isEqualTo("no-store");
    assertThat(page.bodyAsString()).contains("<td>高新区管委会</td>", "<td>铁石口镇政府</td>", "data:image/png;base64,");
  }

  @Test
  @DisplayName("items and counts are managed through the admin API; publishing makes every document public")
  void workflow() throws Exception {
    stats.save(SeedBulletin.APRIL, SeedBulletin.rows()).await();
    HttpResponse<Buffer> added = call(HttpMethod.POST, "/api/v1/bulletins/2024-04/items", true,
        "{\"section\":\"工作动态\",\"text\":\"4月9日,组织考察学习。\",\"by\":\"李四\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    String id = added.bodyAsJsonObject().getString("id");
    assertThat(get("/api/v1/bulletins/2024-04/items", true).bodyAsJsonArray()).hasSize(1);
    String online = URLEncoder.encode("网络问政", StandardCharsets.UTF_8);
    HttpResponse<Buffer> counted = call(HttpMethod.PUT, "/api/v1/bulletins/2024-04/counts/" + online, true, "7");
    assertThat(counted.statusCode()).as(counted.bodyAsString()).isEqualTo(200);
    String weibo = URLEncoder.encode("微博", StandardCharsets.UTF_8);
    assertThat(call(HttpMethod.PUT, "/api/v1/bulletins/2024-04/counts/" + weibo, true, "7").statusCode())
        .isEqualTo(400);

    HttpResponse<Buffer> published = call(HttpMethod.POST, "/api/v1/bulletins/2024-04/publish", true, "{\"by\":\"李四\"}");
    assertThat(published.bodyAsJsonObject().getString("outcome")).isEqualTo("published");
    assertThat(call(HttpMethod.POST, "/api/v1/bulletins/2024-04/publish", true, null).bodyAsJsonObject()
        .getString("outcome")).isEqualTo("already_published");
    assertThat(call(HttpMethod.DELETE, "/api/v1/bulletins/2024-04/items/" + id, true, null).statusCode()).isEqualTo(409);

    HttpResponse<Buffer> page = get("/bulletins/2024-04", false);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsString()).contains("●4月9日,组织考察学习。", "已于2024年5月6日印发");
    HttpResponse<Buffer> docx = get("/bulletins/2024-04.docx", false);
    assertThat(docx.getHeader("content-type")).isEqualTo(DocxWriter.CONTENT_TYPE);
    assertThat(docx.getHeader("content-disposition")).startsWith("attachment; filename=\"zwgk-bulletin-2024-04.docx\"");
    assertThat(DocxWriterTest.unzip(docx.body().getBytes())).containsKey("word/document.xml");
    assertThat(get("/bulletins/2024-04.xlsx", false).getHeader("content-type")).isEqualTo(XlsxWriter.CONTENT_TYPE);
    BufferedImage chart = ImageIO.read(new ByteArrayInputStream(get("/bulletins/2024-04/chart.png", false).body()
        .getBytes()));
    assertThat(chart.getWidth()).isEqualTo(ChartRenderer.WIDTH);
  }

  @Test
  @DisplayName("bad months and addresses are answered 400 or 404; an incomplete draft cannot be published (409)")
  void errors() {
    assertThat(get("/api/v1/bulletins/2024-4", true).statusCode()).isEqualTo(400);
    assertThat(get("/bulletins/2024-04.pdf", true).statusCode()).isEqualTo(404);
    assertThat(get("/bulletins/2024-04.docx/chart.png", true).statusCode()).isEqualTo(404);
    assertThat(call(HttpMethod.DELETE, "/api/v1/bulletins/2024-04/items/42", true, null).statusCode()).isEqualTo(404);
    assertThat(call(HttpMethod.POST, "/api/v1/bulletins/2024-04/items", true, "{\"section\":\"工作动态\"}").statusCode())
        .isEqualTo(400);
    HttpResponse<Buffer> refused = call(HttpMethod.POST, "/api/v1/bulletins/2024-04/publish", true, null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(refused.bodyAsJsonObject().getJsonArray("missing").getString(0)).startsWith("缺少：统计数据未导入");
  }

  @Test
  @DisplayName("a draft document without the token is refused before the draft is composed (no draft query reaches Redis)")
  void tokenCheckedBeforeDraftIsBuilt() {
    stats.save(SeedBulletin.APRIL, SeedBulletin.rows()).await();
    TestRedis.resetStats();

    assertThat(get("/bulletins/2024-04", false).statusCode()).isEqualTo(401);
    assertThat(get("/bulletins/2024-04.docx", false).statusCode()).isEqualTo(401);
    assertThat(get("/bulletins/2024-04/chart.png", false).statusCode()).isEqualTo(401);

    assertThat(TestRedis.calls("smembers")).as("the draft reads the findings earlier bulletins created").isZero();
    assertThat(get("/bulletins/2024-04", true).statusCode()).isEqualTo(200);
    assertThat(TestRedis.calls("smembers")).as("with the token the draft is composed").isEqualTo(1);
  }

  @Test
  @DisplayName("a JSON body with anything after the object ({...} xyz, two objects) is refused with 400 and stores nothing")
  void trailingGarbageRefused() {
    for (String body : List.of("{\"section\":\"工作动态\",\"text\":\"一条\"} xyz",
        "{\"section\":\"工作动态\",\"text\":\"一条\"}{}", "[1]", "\"text\"")) {
      HttpResponse<Buffer> r = call(HttpMethod.POST, "/api/v1/bulletins/2024-04/items", true, body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("message")).as(body).isEqualTo(JsonBodies.MESSAGE);
    }
    String online = URLEncoder.encode("网络问政", StandardCharsets.UTF_8);
    assertThat(call(HttpMethod.PUT, "/api/v1/bulletins/2024-04/counts/" + online, true, "{\"value\":7} 8")
        .statusCode()).isEqualTo(400);
    assertThat(get("/api/v1/bulletins/2024-04/items", true).bodyAsJsonArray()).isEmpty();
    assertThat(call(HttpMethod.POST, "/api/v1/bulletins/2024-04/items", true,
        " {\"section\":\"工作动态\",\"text\":\"一条\"}\n").statusCode()).isEqualTo(201);
  }

  @Test
  @DisplayName("DELETE …/{period}/items/{id} removes only an item of that month: an id of another month is 404 and stays")
  void deleteChecksTheMonth() {
    HttpResponse<Buffer> added = call(HttpMethod.POST, "/api/v1/bulletins/2024-04/items", true,
        "{\"section\":\"工作动态\",\"text\":\"四月的一条\"}");
    String id = added.bodyAsJsonObject().getString("id");

    assertThat(call(HttpMethod.DELETE, "/api/v1/bulletins/2024-03/items/" + id, true, null).statusCode())
        .isEqualTo(404);
    assertThat(get("/api/v1/bulletins/2024-04/items", true).bodyAsJsonArray()).hasSize(1);
    assertThat(call(HttpMethod.DELETE, "/api/v1/bulletins/2024-04/items/" + id, true, null).statusCode())
        .isEqualTo(200);
    assertThat(get("/api/v1/bulletins/2024-04/items", true).bodyAsJsonArray()).isEmpty();
  }

  @Test
  @DisplayName("bulletin routes take the one month rule: year 2000-2100, same 400 message as every route")
  void monthRule() {
    for (String path : List.of("/api/v1/bulletins/+10000-01", "/api/v1/bulletins/1999-12/items",
        "/bulletins/2101-01", "/bulletins/9999-01.docx")) {
      HttpResponse<Buffer> r = get(path, true);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.bodyAsJsonObject().getString("message")).as(path).isEqualTo(Periods.MESSAGE);
    }
  }
}
