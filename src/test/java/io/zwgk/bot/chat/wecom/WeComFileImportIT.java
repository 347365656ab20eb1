package io.zwgk.bot.chat.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
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
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.MutableClock;
import io.zwgk.bot.testing.StaffConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table sent to the WeCom 智能机器人 one-to-one in webhook mode, end to end: encrypted, signed pushes of
 * {@code msgtype=file}, the file fetched from its {@code url} (WireMock) and decrypted with the robot's
 * EncodingAESKey, the preview, and {@code 确认导入} from the same person.
 */
@ExtendWith(RedisServerExtension.class)
class WeComFileImportIT {
  @RegisterExtension
  static WireMockExtension wecom = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  private static final String STAFF = "zhangsan";
  private static final String OFFICER = "wangwu";
  private static final String TOKEN = WeComWebhookIT.TOKEN;
  private static final String AES_KEY = WeComWebhookIT.AES_KEY;
  private static final String OTHER_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

  @TempDir
  Path config;
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T02:00:00Z"));
  private final WxBizMsgCrypt crypt = new WxBizMsgCrypt(TOKEN, AES_KEY, "");
  private Vertx vertx;
  private App app;

  @BeforeEach
  void start() throws Exception {
    StaffConfig.write(config, "wecom", STAFF);
    Map<String, String> env = new HashMap<>(Map.of("ZWGK_HTTP_PORT", "0", "ZWGK_HTTP_HOST", "127.0.0.1",
        "ZWGK_CONFIG_DIR", config.toString(), "ZWGK_DATA_DIR", "target/test-data", "ZWGK_DEMO", "false",
        "WECOM_TOKEN", TOKEN, "WECOM_ENCODING_AES_KEY", AES_KEY, "WECOM_API_BASE", wecom.baseUrl(),
        "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    TestRedis.flush();
    vertx = Vertx.vertx();
    app = App.start(vertx, Configuration.load(env), RedisServerExtension.uri(), clock, DeliveryPolicy.defaults())
        .await();
    wecom.stubFor(post(urlPathEqualTo(WeComWebhookIT.RESPONSE_PATH)).willReturn(okJson("{\"errcode\":0}")));
    byte[] xlsx = Files.readAllBytes(Path.of("bot-config/demo/2024-04-县直单位.xlsx"));
    wecom.stubFor(get(urlPathEqualTo("/files/xlsx"))
        .willReturn(aResponse().withStatus(200).withBody(WeComFileCrypto.encrypt(xlsx, AES_KEY))));
    wecom.stubFor(get(urlPathEqualTo("/files/other-key"))
        .willReturn(aResponse().withStatus(200).withBody(WeComFileCrypto.encrypt(xlsx, OTHER_KEY))));
  }

  @AfterEach
  void stop() {
    app.stop().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("the encrypted demo .xlsx is decrypted, previewed without storing anything, and imported on 确认导入")
  void previewThenConfirm() throws Exception {
    assertThat(sendFile(STAFF, "2024-04-县直单位.xlsx", "xlsx")).contains("月度统计表", "2024年4月", "县直单位", "新增40行");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();

    assertThat(say(STAFF, "确认导入")).contains("已导入2024年4月统计数据40行");
    assertThat(TestRedis.keys("zwgk:stats:*")).containsExactly("zwgk:stats:2024-04");
  }

  @Test
  @DisplayName("a file sent without a name is read by its content; one that does not decrypt counts as not downloaded")
  void unnamedAndUndecryptable() throws Exception {
    assertThat(sendFile(STAFF, null, "xlsx")).contains("月度统计表", "未能从文件名");
    assertThat(sendFile(STAFF, "2024-04-县直单位.xlsx", "other-key")).contains("下载失败");
    assertThat(say(STAFF, "确认导入")).contains("没有待确认的导入文件");
  }

  @Test
  @DisplayName("a file from someone who is not office staff is refused and never downloaded")
  void nonStaffRefused() throws Exception {
    assertThat(sendFile(OFFICER, "2024-04-县直单位.xlsx", "xlsx")).contains("仅限县政务公开办工作人员");
    wecom.verify(0, getRequestedFor(urlPathMatching("/files/.*")));
  }

  private String sendFile(String sender, String fileName, String path) throws Exception {
    JsonObject file = new JsonObject().put("url", wecom.baseUrl() + "/files/" + path);
    if (fileName != null) {
      file.put("filename", fileName);
    }
    return ask(sender, Callbacks.wecom().put("msgtype", "file").put("file", file));
  }

  private String say(String sender, String text) throws Exception {
    return ask(sender, Callbacks.wecom().text(text));
  }

  /** Encrypts and signs one single-chat push as WeCom does, posts it and returns the reply to it. */
  private String ask(String sender, Callbacks.WeCom push) throws Exception {
    String code = UUID.randomUUID().toString();
    clock.advance(Duration.ofSeconds(1));
    String plain = push.msgId("msg-" + code).put("chattype", "single").put("chatid", "")
        .put("from", new JsonObject().put("userid", sender))
        .responseUrl(wecom.baseUrl() + WeComWebhookIT.RESPONSE_PATH + "?response_code=" + code).json();
    String encrypt = crypt.encrypt(plain);
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    String nonce = code.substring(0, 8);
    String query = "msg_signature=" + crypt.signature(timestamp, nonce, encrypt) + "&timestamp=" + timestamp
        + "&nonce=" + nonce;
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/hooks/wecom?"
        + query)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("encrypt", encrypt).encode())).build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    return await().atMost(Duration.ofSeconds(20)).until(() -> reply(code), r -> r != null);
  }

  private static String reply(String code) {
    List<LoggedRequest> sent = wecom.findAll(postRequestedFor(urlPathEqualTo(WeComWebhookIT.RESPONSE_PATH))
        .withQueryParam("response_code", equalTo(code)));
    return sent.isEmpty() ? null : sent.get(0).getBodyAsString();
  }
}
