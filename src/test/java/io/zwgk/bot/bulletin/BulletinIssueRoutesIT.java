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
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.monitor.MonitorStore;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.SentReminderStore;
import io.zwgk.bot.remind.TrackedStore;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API's issue date, 期号 and corrections on a real server and Redis; the clock stands at 2024-05-08. */
@ExtendWith(VertxRedisExtension.class)
class BulletinIssueRoutesIT {
  private static final String TOKEN = "bulletin-test-token";
  private static final String API = "/api/v1/bulletins/2024-04";
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-08T01:00:00Z"));
  private HttpServer server;
  private WebClient web;
  private BulletinService service;
  private StatsStore stats;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    stats = new StatsStore(vertx, redis, true, Ticker.systemTicker());
    ChatConfig chat = new ChatConfig(List.of(), List.of(new GroupConfig("县直单位工作群", "dingtalk", "default",
        Optional.empty(), Optional.of(new Secret("https://oapi.dingtalk.com/robot/send?access_token=t")),
        Optional.empty(), false, true, List.of())));
    service = new BulletinService(new BulletinStore(redis), stats, new TrackedStore(redis), new MonitorStore(redis),
        new SentReminderStore(redis), new Outbox(new OutboxStore(redis), chat, p -> 4000, clock), new BindingStore(redis), chat,
        new BulletinSetup(SeedBulletin.TEMPLATES, SeedBulletin.CALENDAR, ReminderRules.defaults(),
            SeedBulletin.BOT.units(), Optional.empty(), "信丰县"), clock);
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

  private HttpResponse<Buffer> call(HttpMethod method, String path, String body) {
    var request = web.request(method, server.actualPort(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer " + TOKEN);
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  private void ready() {
    stats.save(SeedBulletin.APRIL, SeedBulletin.rows()).await();
    service.setCount(Actor.API, SeedBulletin.APRIL, "网络问政", 7).await();
  }

  @Test
  @DisplayName("preview and publish take issueDate in the body; a bad or out-of-range date is 400 and publishes nothing")
  void issueDate() {
    ready();

    HttpResponse<Buffer> preview = call(HttpMethod.POST, API + "/preview", "{\"issueDate\":\"2024-05-20\"}");
    HttpResponse<Buffer> early = call(HttpMethod.POST, API + "/publish", "{\"issueDate\":\"2024-04-06\"}");
    HttpResponse<Buffer> late = call(HttpMethod.POST, API + "/publish", "{\"issueDate\":\"2024-07-01\"}");
    HttpResponse<Buffer> garbled = call(HttpMethod.POST, API + "/publish", "{\"issueDate\":\"5月6日\"}");

    assertThat(preview.statusCode()).as(preview.bodyAsString()).isEqualTo(200);
    assertThat(preview.bodyAsJsonObject().getJsonObject("bulletin").getString("issueDate")).isEqualTo("2024-05-20");
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.bodyAsJsonObject().getString("message")).contains("2024年4月30日至2024年6月7日", "早于月底");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(garbled.statusCode()).isEqualTo(400);
    assertThat(garbled.bodyAsJsonObject().getString("message")).contains("issueDate");
    assertThat(service.published(SeedBulletin.APRIL).await()).isEmpty();

    JsonObject published = call(HttpMethod.POST, API + "/publish", "{\"issueDate\":\"2024-05-06\",\"by\":\"李四\"}")
        .bodyAsJsonObject().getJsonObject("bulletin");
    assertThat(published.getString("issueDate")).isEqualTo("2024-05-06");
    assertThat(published.getString("rectificationDeadline")).isEqualTo("2024-05-11");
    assertThat(published.getInteger("number")).isEqualTo(1);
    assertThat(published.getString("title")).isEqualTo("信丰县2024年4月政务公开月报");
    assertThat(published.getJsonObject("publication").getJsonArray("groups")).containsExactly("县直单位工作群");
  }

  @Test
  @DisplayName("PUT …/number sets the 期号 (a number or {\"number\": N}); 400 out of range, 409 once published")
  void number() {
    ready();

    HttpResponse<Buffer> set = call(HttpMethod.PUT, API + "/number", "{\"number\": 4}");
    assertThat(set.statusCode()).as(set.bodyAsString()).isEqualTo(200);
    assertThat(set.bodyAsJsonObject().getInteger("number")).isEqualTo(4);
    assertThat(call(HttpMethod.PUT, API + "/number", "5").statusCode()).isEqualTo(200);
    assertThat(call(HttpMethod.PUT, API + "/number", "0").statusCode()).isEqualTo(400);
    assertThat(call(HttpMethod.PUT, API + "/number", "第五期").statusCode()).isEqualTo(400);
    assertThat(call(HttpMethod.GET, API, null).bodyAsJsonObject().getInteger("number")).isEqualTo(5);

    call(HttpMethod.POST, API + "/publish", null);
    HttpResponse<Buffer> locked = call(HttpMethod.PUT, API + "/number", "6");
    assertThat(locked.statusCode()).isEqualTo(409);
    HttpResponse<Buffer> taken = call(HttpMethod.PUT, "/api/v1/bulletins/2024-05/number", "5");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(taken.bodyAsJsonObject().getString("message")).contains("第5期已用于2024-04月报");
  }

  @Test
  @DisplayName("POST …/corrections: 409 before publishing, 201 for a new correction, 200 for the same text again; the "
      + "documents list it after the original")
  void corrections() throws Exception {
    ready();
    String body = "{\"text\":\"附件1中县水利局已发布总数应为360条。\",\"by\":\"王五\"}";

    HttpResponse<Buffer> draft = call(HttpMethod.POST, API + "/corrections", body);
    call(HttpMethod.POST, API + "/publish", "{\"issueDate\":\"2024-05-06\"}");
    HttpResponse<Buffer> first = call(HttpMethod.POST, API + "/corrections", body);
    HttpResponse<Buffer> again = call(HttpMethod.POST, API + "/corrections", body);
    HttpResponse<Buffer> empty = call(HttpMethod.POST, API + "/corrections", "{\"text\":\" \"}");

    assertThat(draft.statusCode()).isEqualTo(409);
    assertThat(draft.bodyAsJsonObject().getString("message")).contains("尚未发布");
    assertThat(first.statusCode()).as(first.bodyAsString()).isEqualTo(201);
    assertThat(first.bodyAsJsonObject().getInteger("groups")).isEqualTo(1);
    assertThat(first.bodyAsJsonObject().getJsonObject("correction").getString("userName")).isEqualTo("王五");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.bodyAsJsonObject().getString("outcome")).isEqualTo("repeated");
    assertThat(empty.statusCode()).isEqualTo(400);
    JsonObject json = call(HttpMethod.GET, API, null).bodyAsJsonObject();
    assertThat(json.getJsonArray("corrections")).hasSize(1);
    String html = call(HttpMethod.GET, "/bulletins/2024-04", null).bodyAsString();
    assertThat(html).contains("第1期", "信丰县政务公开办　　2024年5月6日", "<h2 class=\"correction\">更正（一）</h2>");
    String docx = DocxWriterTest.parse(DocxWriterTest.unzip(call(HttpMethod.GET, "/bulletins/2024-04.docx", null)
        .body().getBytes()).get("word/document.xml")).getDocumentElement().getTextContent();
    assertThat(docx).contains("第1期", "更正（一）附件1中县水利局已发布总数应为360条。");
  }
}
