package io.zwgk.bot.chat.feishu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.App;
import io.zwgk.bot.Configuration;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.StaffConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table sent to the Feishu robot one-to-one, end to end: {@code im.message.receive_v1} events of type
 * {@code file}, the file fetched from {@code /open-apis/im/v1/messages/{message_id}/resources/{file_key}?type=file}
 * with the app's tenant token (WireMock), the preview, and {@code 确认导入} from the same person only.
 */
@ExtendWith(RedisServerExtension.class)
class FeishuFileImportIT {
  @RegisterExtension
  static WireMockExtension feishu = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  private static final String STAFF = "ou_staff";
  private static final String OFFICER = "ou_officer";
  private static final String TOKEN = "v-token";
  private static final String FILE_KEY = "file_v2_demo";

  @TempDir
  Path config;
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T02:00:00Z"));
  private final AtomicInteger messages = new AtomicInteger();
  private Vertx vertx;
  private App app;

  @BeforeEach
  void start() throws Exception {
    StaffConfig.write(config, "feishu", STAFF);
    Map<String, String> env = new HashMap<>(Map.of("ZWGK_HTTP_PORT", "0", "ZWGK_HTTP_HOST", "127.0.0.1",
        "ZWGK_CONFIG_DIR", config.toString(), "ZWGK_DATA_DIR", "target/test-data", "ZWGK_DEMO", "false",
        "FEISHU_VERIFICATION_TOKEN", TOKEN, "FEISHU_APP_ID", "cli_county", "FEISHU_APP_SECRET", "app-secret",
        "FEISHU_API_BASE", feishu.baseUrl(), "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    TestRedis.flush();
    vertx = Vertx.vertx();
    app = App.start(vertx, Configuration.load(env), RedisServerExtension.uri(), clock, DeliveryPolicy.defaults())
        .await();
    feishu.stubFor(post(urlEqualTo(FeishuApiClientTest.TOKEN_URL)).willReturn(okJson(new JsonObject().put("code", 0)
        .put("tenant_access_token", "t-county").put("expire", 7200).encode())));
    feishu.stubFor(post(urlPathMatching("/open-apis/im/v1/messages/om_[0-9]+/reply"))
        .willReturn(okJson(FeishuApiClientTest.OK)));
    feishu.stubFor(get(urlPathMatching("/open-apis/im/v1/messages/om_[0-9]+/resources/" + FILE_KEY))
        .withQueryParam("type", equalTo("file")).withHeader("Authorization", equalTo("Bearer t-county"))
        .willReturn(aResponse().withStatus(200)
            .withBody(Files.readAllBytes(Path.of("bot-config/demo/2024-04-县直单位.xlsx")))));
  }

  @AfterEach
  void stop() {
    app.stop().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("the demo .xlsx is previewed without storing anything and imported on the sender's 确认导入")
  void previewThenConfirm() throws Exception {
    assertThat(sendFile(STAFF, "2024-04-县直单位.xlsx")).contains("月度统计表", "2024年4月", "县直单位", "新增40行");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();

    assertThat(say(STAFF, "确认导入")).contains("已导入2024年4月统计数据40行");
    assertThat(TestRedis.keys("zwgk:stats:*")).containsExactly("zwgk:stats:2024-04");
  }

  @Test
  @DisplayName("someone not office staff is refused, for a file (never downloaded) and for 确认导入 of another's file")
  void othersRefused() throws Exception {
    assertThat(sendFile(OFFICER, "2024-04-县直单位.xlsx")).contains("仅限县政务公开办工作人员");
    feishu.verify(0, getRequestedFor(urlPathMatching(".*/resources/.*")));
    sendFile(STAFF, "2024-04-县直单位.xlsx");

    assertThat(say(OFFICER, "确认导入")).contains("仅限县政务公开办工作人员");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();
    assertThat(say(STAFF, "取消")).contains("已取消");
  }

  private String sendFile(String sender, String fileName) throws Exception {
    return ask(sender, "file", new JsonObject().put("file_key", FILE_KEY).put("file_name", fileName));
  }

  private String say(String sender, String text) throws Exception {
    return ask(sender, "text", new JsonObject().put("text", text));
  }

  /** Posts one p2p message event as Feishu does (plain mode: the verification token in the header). */
  private String ask(String sender, String type, JsonObject content) throws Exception {
    String messageId = "om_" + messages.incrementAndGet();
    JsonObject message = new JsonObject().put("message_id", messageId).put("chat_id", "oc_p2p_" + sender)
        .put("chat_type", "p2p").put("message_type", type).put("content", content.encode());
    JsonObject senderJson = new JsonObject().put("sender_type", "user").put("tenant_key", "tk")
        .put("sender_id", new JsonObject().put("open_id", sender).put("union_id", "on_" + sender));
    String body = new JsonObject().put("schema", "2.0")
        .put("header", new JsonObject().put("event_id", "ev_" + messageId).put("event_type", "im.message.receive_v1")
            .put("create_time", String.valueOf(clock.millis() * 1000)).put("token", TOKEN).put("app_id", "cli_county")
            .put("tenant_key", "tk"))
        .put("event", new JsonObject().put("sender", senderJson).put("message", message)).encode();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/hooks/feishu"))
        .header("content-type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    return await().atMost(Duration.ofSeconds(20)).until(() -> reply(messageId), r -> r != null);
  }

  private static String reply(String messageId) {
    List<LoggedRequest> sent = feishu.findAll(postRequestedFor(urlPathEqualTo(
        "/open-apis/im/v1/messages/" + messageId + "/reply")));
    return sent.isEmpty() ? null : new JsonObject(sent.get(0).getBodyAsString()).getString("content");
  }
}
