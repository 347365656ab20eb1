package io.zwgk.bot.chat.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The webhook routes end to end: a real router with the app's error mapping, a real ChatService on the suite's Redis,
 * WireMock as the response_url. The default robot uses doc 90968's vector C (with its corp id); robot "aibot" is a
 * 智能机器人 (receiveId ""). The clock stands one minute after vector C1's timestamp.
 */
@ExtendWith(VertxRedisExtension.class)
class WeComWebhookIT {
  @RegisterExtension
  static WireMockExtension wecom = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN = "QDG6eK";
  static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
  static final String CORP_ID = "wx5823bf96d3bd56c7";
  static final long C1_TIMESTAMP = 1409659589L;
  /** Vector C1's echostr as it arrives on the wire, URL-encoded ('/', '+' and '=' escaped). */
  static final String C1_ECHOSTR_ENCODED =
      "P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";
  static final Instant NOW = Instant.ofEpochSecond(C1_TIMESTAMP + 60);
  static final String RESPONSE_PATH = "/cgi-bin/aibot/response";

  private final HttpClient http = HttpClient.newHttpClient();
  private final WxBizMsgCrypt aibot = new WxBizMsgCrypt(TOKEN, AES_KEY, "");
  private int port;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    Settings settings = Settings.fromEnv(Map.of("WECOM_API_BASE", wecom.baseUrl(), "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    WeComPlatform platform = new WeComPlatform(vertx, WebClient.create(vertx), settings,
        List.of(robot("default", CORP_ID), robot("aibot", "")), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
    ChatService chat = io.zwgk.bot.testing.TestChat.chatService(vertx, redis, "wecom", platform.replies());
    Router router = Router.router(vertx);
    ErrorMapping.install(router);
    platform.mount(router, chat);
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    port = server.actualPort();
    wecom.stubFor(post(urlPathEqualTo(RESPONSE_PATH)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
  }

  private static RobotConfig robot(String name, String receiveId) {
    Map<String, Secret> credentials = new HashMap<>(Map.of("token", new Secret(TOKEN),
        "encodingAesKey", new Secret(AES_KEY)));
    if (!receiveId.isEmpty()) {
      credentials.put("receiveId", new Secret(receiveId));
    }
    return new RobotConfig("wecom", name, RobotMode.WEBHOOK, credentials);
  }

  @Test
  @DisplayName("URL verification with doc 90968 vector C1 (echostr URL-encoded in the query) answers the plaintext")
  void urlVerificationVectorC1() throws Exception {
    HttpResponse<String> response = get("/hooks/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
        + "&timestamp=1409659589&nonce=263014780&echostr=" + C1_ECHOSTR_ENCODED);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1616140317555161061");
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("text/plain"));
  }

  @Test
  @DisplayName("URL verification still succeeds when the echostr's '+' arrives unencoded (decoded as a space)")
  void urlVerificationUnencodedPlus() throws Exception {
    String raw = URLDecoder.decode(C1_ECHOSTR_ENCODED, UTF_8).replace("/", "%2F").replace("=", "%3D");

    HttpResponse<String> response = get("/hooks/wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
        + "&timestamp=1409659589&nonce=263014780&echostr=" + raw);

    assertThat(raw).contains("+");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("1616140317555161061");
  }

  @Test
  @DisplayName("URL verification with a wrong signature is refused with 401")
  void urlVerificationBadSignature() throws Exception {
    HttpResponse<String> response = get("/hooks/wecom?msg_signature=0000ff5e21c57e6ad56bac8758b79b1d9ac89fd3"
        + "&timestamp=1409659589&nonce=263014780&echostr=" + C1_ECHOSTR_ENCODED);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("1616140317555161061");
  }

  @Test
  @DisplayName("URL verification of the 智能机器人 route works with an empty receiveId")
  void urlVerificationAibot() throws Exception {
    String echostr = aibot.encrypt("8837162635462531");
    String query = signedQuery(aibot, echostr, NOW.getEpochSecond()) + "&echostr="
        + URLEncoder.encode(echostr, UTF_8);

    HttpResponse<String> response = get("/hooks/wecom/aibot?" + query);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("8837162635462531");
  }

  @Test
  @DisplayName("an encrypted message gets an empty 200 at once and one markdown answer on its response_url")
  void goodMessageAnswered() throws Exception {
    HttpResponse<String> response = postEncrypted("/hooks/wecom/aibot", message("msg-1", "@政务公开助手 帮助"),
        NOW.getEpochSecond());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> wecom.verify(1,
        postRequestedFor(urlPathEqualTo(RESPONSE_PATH))
            .withRequestBody(matchingJsonPath("$.msgtype", equalTo("markdown")))
            .withRequestBody(matchingJsonPath("$.markdown.content", containing("完成率")))));
    assertThat(TestRedis.keys("zwgk:dedupe:wecom:*")).containsExactly("zwgk:dedupe:wecom:msg-1");
  }

  @Test
  @DisplayName("the same msgid delivered twice is acknowledged twice and answered once")
  void duplicateAnsweredOnce() throws Exception {
    String body = message("msg-dup", "@政务公开助手 帮助");
    assertThat(postEncrypted("/hooks/wecom/aibot", body, NOW.getEpochSecond()).statusCode()).isEqualTo(200);
    assertThat(postEncrypted("/hooks/wecom/aibot", body, NOW.getEpochSecond()).statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        wecom.verify(1, postRequestedFor(urlPathEqualTo(RESPONSE_PATH))));

    postEncrypted("/hooks/wecom/aibot", message("msg-after", "帮助"), NOW.getEpochSecond());

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        wecom.verify(2, postRequestedFor(urlPathEqualTo(RESPONSE_PATH))));
  }

  @Test
  @DisplayName("a tampered signature is refused with 401, nothing claimed and nothing sent")
  void tamperedSignature() throws Exception {
    String encrypt = aibot.encrypt(message("msg-bad", "帮助"));
    String query = signedQuery(aibot, encrypt, NOW.getEpochSecond()).replace("msg_signature=", "msg_signature=0");

    assertThat(postRaw("/hooks/wecom/aibot?" + query, new JsonObject().put("encrypt", encrypt).encode()).statusCode())
        .isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a correctly signed ciphertext that does not decrypt is refused with 400")
  void badCiphertext() throws Exception {
    String garbage = Base64.getEncoder().encodeToString(new byte[64]);
    String query = signedQuery(aibot, garbage, NOW.getEpochSecond());

    assertThat(postRaw("/hooks/wecom/aibot?" + query, new JsonObject().put("encrypt", garbage).encode()).statusCode())
        .isEqualTo(400);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a body that is not {\"encrypt\": …} JSON is refused with 400")
  void malformedBody() throws Exception {
    String query = signedQuery(aibot, "x", NOW.getEpochSecond());

    assertThat(postRaw("/hooks/wecom/aibot?" + query, "{\"encrypt\": ").statusCode()).isEqualTo(400);
    assertThat(postRaw("/hooks/wecom/aibot?" + query, "{\"Encrypt\": \"x\"}").statusCode()).isEqualTo(400);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a correctly signed message whose timestamp is over an hour old is refused with 401")
  void staleTimestamp() throws Exception {
    long stale = NOW.getEpochSecond() - 3601;

    assertThat(postEncrypted("/hooks/wecom/aibot", message("msg-stale", "帮助"), stale).statusCode()).isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a body over 64 KiB is refused with 413")
  void oversizeBody() throws Exception {
    String huge = new JsonObject().put("encrypt", "A".repeat(70 * 1024)).encode();

    assertThat(postRaw("/hooks/wecom/aibot?" + signedQuery(aibot, "A", NOW.getEpochSecond()), huge).statusCode())
        .isEqualTo(413);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("an event push gets an empty 200 and no answer")
  void eventIgnored() throws Exception {
    String event = new JsonObject().put("msgid", "evt-1").put("msgtype", "event").put("chattype", "single")
        .put("from", new JsonObject().put("userid", "zhangsan"))
        .put("event", new JsonObject().put("eventtype", "enter_chat")).encode();

    assertThat(postEncrypted("/hooks/wecom/aibot", event, NOW.getEpochSecond()).statusCode()).isEqualTo(200);
    assertNoSideEffect();
  }

  private void assertNoSideEffect() {
    assertThat(TestRedis.keys("zwgk:dedupe:*")).isEmpty();
    wecom.verify(0, postRequestedFor(urlPathEqualTo(RESPONSE_PATH)));
  }

  private String message(String msgid, String text) {
    return Callbacks.wecom().msgId(msgid)
        .responseUrl(wecom.baseUrl() + RESPONSE_PATH + "?response_code=" + UUID.randomUUID()).text(text).json();
  }

  private static String signedQuery(WxBizMsgCrypt crypt, String encrypted, long timestamp) {
    String nonce = "1372623149";
    return "msg_signature=" + crypt.signature(String.valueOf(timestamp), nonce, encrypted) + "&timestamp=" + timestamp
        + "&nonce=" + nonce;
  }

  private HttpResponse<String> postEncrypted(String path, String plaintext, long timestamp) throws Exception {
    String encrypt = aibot.encrypt(plaintext);
    String body = new JsonObject().put("encrypt", encrypt).encode();
    return postRaw(path + "?" + signedQuery(aibot, encrypt, timestamp), body);
  }

  private HttpResponse<String> postRaw(String pathAndQuery, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
