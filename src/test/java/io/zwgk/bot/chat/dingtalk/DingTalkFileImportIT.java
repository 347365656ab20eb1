package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * A table sent to the DingTalk robot one-to-one, end to end: signed callbacks of {@code msgtype=file}, the robot's
 * OpenAPI turning the {@code downloadCode} into a URL and the file served by WireMock, the preview, then
 * {@code 确认导入} or {@code 取消} from the same person; nothing is stored before the confirmation.
 */
@ExtendWith(RedisServerExtension.class)
class DingTalkFileImportIT {
  @RegisterExtension
  static WireMockExtension dingtalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  /** A host that is not DingTalk's: must never be asked for a file. */
  @RegisterExtension
  static WireMockExtension evil = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  private static final String STAFF = "staff-001";
  private static final String OTHER_STAFF = "staff-002";
  private static final String OFFICER = "officer-9";
  private static final Path XLSX = Path.of("bot-config/demo/2024-04-县直单位.xlsx");
  private static final Path TOWNSHIPS = Path.of("bot-config/demo/2024-04-乡镇.csv");

  @TempDir
  Path config;
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T02:00:00Z"));
  private Vertx vertx;
  private App app;

  @BeforeEach
  void start() throws Exception {
    StaffConfig.write(config, "dingtalk", STAFF, OTHER_STAFF);
    Map<String, String> env = new HashMap<>(Map.of("ZWGK_HTTP_PORT", "0", "ZWGK_HTTP_HOST", "127.0.0.1",
        "ZWGK_CONFIG_DIR", config.toString(), "ZWGK_DATA_DIR", "target/test-data", "ZWGK_DEMO", "false",
        "DINGTALK_APP_SECRET", TestApp.DINGTALK_SECRET, "DINGTALK_CLIENT_ID", "dingcounty",
        "DINGTALK_API_BASE", dingtalk.baseUrl(), "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    TestRedis.flush();
    vertx = Vertx.vertx();
    app = App.start(vertx, Configuration.load(env), RedisServerExtension.uri(), clock, DeliveryPolicy.defaults())
        .await();
    dingtalk.stubFor(post(urlPathEqualTo("/robot/sendBySession")).willReturn(okJson("{\"errcode\":0}")));
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.TOKEN_PATH))
        .willReturn(okJson("{\"accessToken\":\"tok\",\"expireIn\":7200}")));
    serve("xlsx", Files.readAllBytes(XLSX));
    serve("gbk", Files.readString(TOWNSHIPS).getBytes(Charset.forName("GBK")));
    serve("prose", "关于召开政务公开工作会议的通知\n各单位：定于下周一召开会议。\n".getBytes(StandardCharsets.UTF_8));
    serve("letters", "单位名称,来信编号,收到日期\n县水利局,2024-007,2024-04-29\n".getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    app.stop().await();
    vertx.close().await();
  }

  @Test
  @DisplayName("the demo .xlsx is previewed (kind, month from the file name, category, rows, new/changed/unchanged) "
      + "without storing anything, and imported when the sender answers 确认导入")
  void xlsxPreviewedThenConfirmed() throws Exception {
    String preview = sendFile(STAFF, "2024-04-县直单位.xlsx", "xlsx");

    assertThat(preview).contains("月度统计表", "2024年4月", "县直单位", "共40行", "新增40行", "更新0行", "不变0行", "确认导入");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();
    assertThat(say(STAFF, "确认导入")).contains("已导入2024年4月统计数据40行");
    assertThat(TestRedis.keys("zwgk:stats:*")).containsExactly("zwgk:stats:2024-04");
    assertThat(sendFile(STAFF, "2024-04-县直单位.xlsx", "xlsx")).contains("新增0行", "更新0行", "不变40行");
    dingtalk.verify(postRequestedFor(urlPathEqualTo(DingTalkOpenApiClient.FILE_PATH))
        .withHeader("x-acs-dingtalk-access-token", equalTo("tok"))
        .withRequestBody(matchingJsonPath("$.robotCode", equalTo("dingcounty")))
        .withRequestBody(matchingJsonPath("$.downloadCode", equalTo("xlsx"))));
  }

  @Test
  @DisplayName("a GBK CSV replaces the pending .xlsx; 取消 drops it and nothing is stored")
  void secondFileReplacesAndCancelDrops() throws Exception {
    sendFile(STAFF, "2024-04-县直单位.xlsx", "xlsx");
    String preview = sendFile(STAFF, "2024年4月乡镇.csv", "gbk");

    assertThat(preview).contains("月度统计表", "2024年4月", "乡镇", "GB18030", "已作废");
    assertThat(say(STAFF, "取消")).contains("已取消导入文件「2024年4月乡镇.csv」");
    assertThat(say(STAFF, "确认导入")).contains("没有待确认的导入文件");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();
  }

  @Test
  @DisplayName("a table with bad rows is previewed with every error and its row, and is not kept")
  void errorsListedNothingKept() throws Exception {
    serve("bad", "单位名称,本年度任务数,已发布总数,本月发布条数,类别\n县水利局,100,abc,3,县直单位\n县水历局,100,10,3,县直单位\n"
        .getBytes(StandardCharsets.UTF_8));

    String preview = sendFile(STAFF, "2024-04.csv", "bad");

    assertThat(preview).contains("错误2条", "第2行：", "第3行：", "县水历局", "文件未暂存").doesNotContain("确认导入");
    assertThat(say(STAFF, "确认导入")).contains("没有待确认的导入文件");
  }

  @Test
  @DisplayName("a tracked list is recognised by its header and imported on confirmation")
  void trackedListRecognised() throws Exception {
    assertThat(sendFile(STAFF, "来信台账.csv", "letters")).contains("依申请公开台账", "共1行", "新增1行");
    assertThat(say(STAFF, "确认导入")).contains("已导入依申请公开台账1项");
  }

  @Test
  @DisplayName("a file that is no known table, and one that is no spreadsheet, are refused and nothing is kept")
  void notATable() throws Exception {
    assertThat(sendFile(STAFF, "会议通知.csv", "prose")).contains("没有认出文件「会议通知.csv」");
    assertThat(sendFile(STAFF, "照片.png", "prose")).contains("不是 .xlsx 或 .csv 表格");
    assertThat(say(STAFF, "确认导入")).contains("没有待确认的导入文件");
  }

  @Test
  @DisplayName("a 30 MB file is refused as too large without being read")
  void oversizedFile() throws Exception {
    serve("big", new byte[30 * 1024 * 1024]);

    assertThat(sendFile(STAFF, "2024-04-县直单位.xlsx", "big")).contains("超过10MB");
    assertThat(say(STAFF, "确认导入")).contains("没有待确认的导入文件");
  }

  @Test
  @DisplayName("a confirmation after 30 minutes finds the file expired and stores nothing")
  void confirmationTimesOut() throws Exception {
    sendFile(STAFF, "2024-04-县直单位.xlsx", "xlsx");
    clock.advance(Duration.ofMinutes(31));

    assertThat(say(STAFF, "确认导入")).contains("已超过30分钟未确认");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();
  }

  @Test
  @DisplayName("another person's 确认导入 imports nothing: staff have no file pending, others are refused; the "
      + "sender's file stays and is imported on their own confirmation")
  void anotherUsersConfirmRefused() throws Exception {
    sendFile(STAFF, "2024-04-县直单位.xlsx", "xlsx");

    assertThat(say(OTHER_STAFF, "确认导入")).contains("没有待确认的导入文件");
    assertThat(say(OFFICER, "确认导入")).contains("仅限县政务公开办工作人员");
    assertThat(TestRedis.keys("zwgk:stats:*")).isEmpty();
    assertThat(say(STAFF, "确认导入")).contains("已导入");
  }

  @Test
  @DisplayName("a download URL on a host that is not DingTalk's is never fetched: the file counts as not downloaded")
  void foreignDownloadHostNeverFetched() throws Exception {
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.FILE_PATH))
        .withRequestBody(matchingJsonPath("$.downloadCode", equalTo("elsewhere")))
        .willReturn(okJson(new JsonObject().put("downloadUrl", evil.baseUrl() + "/files/x").encode())));

    assertThat(sendFile(STAFF, "2024-04-县直单位.xlsx", "elsewhere")).contains("下载失败");
    evil.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a file from someone who is not office staff gets a polite refusal and is never downloaded")
  void nonStaffRefused() throws Exception {
    assertThat(sendFile(OFFICER, "2024-04-县直单位.xlsx", "xlsx")).contains("抱歉", "仅限县政务公开办工作人员");
    dingtalk.verify(0, postRequestedFor(urlPathEqualTo(DingTalkOpenApiClient.FILE_PATH)));
    dingtalk.verify(0, getRequestedFor(urlPathMatching("/files/.*")));
  }

  private void serve(String code, byte[] body) {
    dingtalk.stubFor(post(urlPathEqualTo(DingTalkOpenApiClient.FILE_PATH))
        .withRequestBody(matchingJsonPath("$.downloadCode", equalTo(code)))
        .willReturn(okJson(new JsonObject().put("downloadUrl", dingtalk.baseUrl() + "/files/" + code).encode())));
    dingtalk.stubFor(get(urlPathEqualTo("/files/" + code)).willReturn(aResponse().withStatus(200).withBody(body)));
  }

  private String sendFile(String sender, String fileName, String downloadCode) throws Exception {
    return ask(sender, Callbacks.dingtalk().put("msgtype", "file")
        .put("content", new JsonObject().put("downloadCode", downloadCode).put("fileName", fileName)));
  }

  private String say(String sender, String text) throws Exception {
    return ask(sender, Callbacks.dingtalk().text(text));
  }

  /** Sends one signed one-to-one callback a second after the last (a signature is used once) and returns its reply. */
  private String ask(String sender, Callbacks.DingTalk callback) throws Exception {
    String session = UUID.randomUUID().toString();
    clock.advance(Duration.ofSeconds(1));
    String body = callback.msgId("msg-" + session).conversation("cid-single-" + sender).put("conversationType", "1")
        .sender(sender, sender).put("robotCode", "dingcounty")
        .session(dingtalk.baseUrl() + "/robot/sendBySession?session=" + session,
            clock.millis() + Callbacks.DINGTALK_SESSION.toMillis()).json();
    HttpRequest request = Callbacks.signedDingTalk(URI.create("http://127.0.0.1:" + app.port() + "/hooks/dingtalk"),
        body, clock.millis(), TestApp.DINGTALK_SECRET);
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    return await().atMost(Duration.ofSeconds(20)).until(() -> reply(session), r -> r != null);
  }

  private static String reply(String session) {
    List<LoggedRequest> sent = dingtalk.findAll(postRequestedFor(urlPathEqualTo("/robot/sendBySession"))
        .withQueryParam("session", equalTo(session)));
    return sent.isEmpty() ? null
        : new JsonObject(sent.get(0).getBodyAsString()).getJsonObject("markdown").getString("text");
  }
}
