package io.zwgk.bot.chat.feishu;

import io.zwgk.bot.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
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
import io.zwgk.bot.config.RobotMode;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.http.ErrorMapping;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.TestRedis;
import io.zwgk.bot.testing.VertxRedisExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxRedisExtension.class)
class FeishuWebhookIT {
  @RegisterExtension
  static WireMockExtension feishu = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "test key";
  private static final String TOKEN = FeishuEventDecoderTest.TOKEN;
  private static final String VECTOR_BODY = "{\"encrypt\":\"P37w+VZImNgPEO1RBhJ6RtKl7n6zymIbEG1pReEzghk=\"}";
  private static final String VECTOR_SIGNATURE = "76944efe6fc71ec7d33884eb43fc77c3c9ffe5f32ad4eef35c221d59583faa8a";
  private static final String TOKEN_URL = FeishuApiClientTest.TOKEN_URL;
  private static final String REPLY_PATH = "/open-apis/im/v1/messages/om_[A-Za-z0-9_]+/reply";

  private final HttpClient http = HttpClient.newHttpClient();
  private MutableClock clock;
  private WebClient web;
  private HttpServer server;

  @BeforeEach
  void start(Vertx vertx, Redis redis) {
    clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    web = WebClient.create(vertx);
    Settings settings = Settings.fromEnv(Map.of("FEISHU_API_BASE", feishu.baseUrl(), "ZWGK_OUTBOUND_TIMEOUT_MS", "2000"));
    FeishuPlatform platform = new FeishuPlatform(vertx, web, settings, List.of(
        FeishuPlatformTest.robot("default", RobotMode.WEBHOOK, "verificationToken", TOKEN, "encryptKey", KEY,
            "appId", "cli_enc", "appSecret", "secret-enc"),
        FeishuPlatformTest.robot("plain", RobotMode.WEBHOOK, "verificationToken", TOKEN,
            "appId", "cli_plain", "appSecret", "secret-plain")), clock);
    ChatService chat = io.zwgk.bot.testing.TestChat.chatService(vertx, redis, "feishu", platform.replies());
    Router router = Router.router(vertx);
    ErrorMapping.install(router);
    platform.mount(router, chat);
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await();
    stubToken("cli_enc", "t-enc");
    stubToken("cli_plain", "t-plain");
    feishu.stubFor(post(urlPathMatching(REPLY_PATH)).willReturn(okJson(FeishuApiClientTest.OK)));
  }

  @AfterEach
  void stop() {
    server.close().await();
    web.close();
  }

  private static void stubToken(String appId, String token) {
    feishu.stubFor(post(urlEqualTo(TOKEN_URL)).withRequestBody(matchingJsonPath("$.app_id", equalTo(appId)))
        .willReturn(okJson(new JsonObject().put("code", 0).put("tenant_access_token", token).put("expire", 7200)
            .encode())));
  }

  @Test
  @DisplayName("a plain url_verification is answered with its challenge; a wrong token gets 401")
  void plainUrlVerification() throws Exception {
    HttpResponse<String> ok = send("/hooks/feishu/plain", verification(TOKEN), null);
    HttpResponse<String> wrong = send("/hooks/feishu/plain", verification("not-the-token"), null);

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ok.body())).isEqualTo(new JsonObject().put("challenge", "ajls384kdj"));
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("an encrypted url_verification is decrypted and answered even unsigned, as the SDK does; wrong token 401")
  void encryptedUrlVerification() throws Exception {
    HttpResponse<String> ok = send("/hooks/feishu", encrypted(verification(TOKEN)), null);
    HttpResponse<String> wrong = send("/hooks/feishu", encrypted(verification("nope")), null);

    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ok.body()).getString("challenge")).isEqualTo("ajls384kdj");
    assertThat(wrong.statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("the §6.3 signature vector passes on the raw body (then \"hello world\" is not JSON: 400); a bad one is 401")
  void signatureVector() throws Exception {
    assertThat(sendSigned(VECTOR_BODY, "1700000000", "abcdef", VECTOR_SIGNATURE).statusCode()).isEqualTo(400);
    assertThat(sendSigned(VECTOR_BODY, "1700000000", "abcdef", VECTOR_SIGNATURE.replace('a', 'b')).statusCode())
        .isEqualTo(401);
    assertThat(sendSigned(VECTOR_BODY.replace(":", ": "), "1700000000", "abcdef", VECTOR_SIGNATURE).statusCode())
        .as("the same JSON re-serialized is not the signed body").isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a timestamp one hour off still passes, one more second is refused with 401")
  void staleTimestamp() throws Exception {
    clock.advance(Duration.ofHours(1));
    assertThat(sendSigned(VECTOR_BODY, "1700000000", "abcdef", VECTOR_SIGNATURE).statusCode()).isEqualTo(400);

    clock.advance(Duration.ofSeconds(1));
    assertThat(sendSigned(VECTOR_BODY, "1700000000", "abcdef", VECTOR_SIGNATURE).statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName("with an Encrypt Key, an unsigned event is refused with 401 and nothing is answered")
  void unsignedEventRefused() throws Exception {
    String body = encrypted(FeishuEventDecoderTest.messageEvent("ev-u", "om_unsigned", "group", "@_user_1 帮助").encode());

    assertThat(send("/hooks/feishu", body, null).statusCode()).isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a signed, encrypted message is acknowledged with {} and replied to once, with uuid and bearer token")
  void messageReplied() throws Exception {
    HttpResponse<String> response = sendEvent("ev-1", "om_first", "@_user_1 完成率 水利局");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> feishu.verify(1,
        postRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_first/reply"))
            .withHeader("Authorization", equalTo("Bearer t-enc"))
            .withRequestBody(matchingJsonPath("$.msg_type", equalTo("post")))
            .withRequestBody(matchingJsonPath("$.uuid", matching("[0-9a-f-]{36}")))
            .withRequestBody(matchingJsonPath("$.content", containing("ou_sender")))));
    assertThat(TestRedis.keys("zwgk:dedupe:*")).containsExactly("zwgk:dedupe:feishu:om_first");
  }

  @Test
  @DisplayName("two messages share one token; after it expires (injected clock) the token is fetched again")
  void tokenCachedAcrossReplies() throws Exception {
    sendEvent("ev-a", "om_a", "@_user_1 帮助");
    sendEvent("ev-b", "om_b", "@_user_1 排名");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        feishu.verify(2, postRequestedFor(urlPathMatching(REPLY_PATH))));
    feishu.verify(1, postRequestedFor(urlEqualTo(TOKEN_URL)));

    clock.advance(Duration.ofHours(2));
    sendEvent("ev-c", "om_c", "@_user_1 帮助");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        feishu.verify(3, postRequestedFor(urlPathMatching(REPLY_PATH))));
    feishu.verify(2, postRequestedFor(urlEqualTo(TOKEN_URL)));
  }

  @Test
  @DisplayName("the same message_id under a new event_id is acknowledged and answered once")
  void duplicateMessageId() throws Exception {
    String first = FeishuEventDecoderTest.messageEvent("ev-1", "om_dup", "group", "@_user_1 帮助").encode();
    String redelivery = FeishuEventDecoderTest.messageEvent("ev-2", "om_dup", "group", "@_user_1 帮助").encode();

    assertThat(send("/hooks/feishu/plain", first, null).statusCode()).isEqualTo(200);
    assertThat(send("/hooks/feishu/plain", redelivery, null).statusCode()).isEqualTo(200);
    send("/hooks/feishu/plain", FeishuEventDecoderTest.messageEvent("ev-3", "om_after", "group", "@_user_1 帮助")
        .encode(), null);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> feishu.verify(1,
        postRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_after/reply"))));
    feishu.verify(1, postRequestedFor(urlEqualTo("/open-apis/im/v1/messages/om_dup/reply")));
  }

  @Test
  @DisplayName("an event with the wrong header.token is refused with 401, nothing claimed or sent")
  void wrongEventToken() throws Exception {
    JsonObject event = FeishuEventDecoderTest.messageEvent("ev-x", "om_x", "group", "@_user_1 帮助");
    event.getJsonObject("header").put("token", "forged");

    assertThat(send("/hooks/feishu/plain", event.encode(), null).statusCode()).isEqualTo(401);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("malformed JSON and undecryptable ciphertext are refused with 400")
  void malformed() throws Exception {
    assertThat(send("/hooks/feishu/plain", "{\"schema\":\"2.0\",\"header\":", null).statusCode()).isEqualTo(400);
    String garbage = "{\"encrypt\":\"" + FeishuCryptoTest.encrypt("another key", new byte[16], "{}".getBytes(UTF_8))
        + "\"}";
    assertThat(sendSigned(garbage, now(), "n1", FeishuCrypto.eventSignature(now(), "n1", KEY, garbage.getBytes(UTF_8)))
        .statusCode()).isEqualTo(400);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("a body over 64 KiB is refused with 413")
  void oversize() throws Exception {
    String huge = FeishuEventDecoderTest.messageEvent("ev-h", "om_h", "group", "x".repeat(70 * 1024)).encode();

    assertThat(send("/hooks/feishu/plain", huge, null).statusCode()).isEqualTo(413);
    assertNoSideEffect();
  }

  @Test
  @DisplayName("another event type is acknowledged with {} and ignored")
  void otherEventIgnored() throws Exception {
    JsonObject event = FeishuEventDecoderTest.messageEvent("ev-o", "om_o", "group", "x");
    event.getJsonObject("header").put("event_type", "im.chat.member.bot.added_v1");

    HttpResponse<String> response = send("/hooks/feishu/plain", event.encode(), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject());
    assertNoSideEffect();
  }

  private void assertNoSideEffect() {
    assertThat(TestRedis.keys("zwgk:dedupe:*")).isEmpty();
    feishu.verify(0, postRequestedFor(urlPathMatching(REPLY_PATH)));
  }

  private static String verification(String token) {
    return new JsonObject().put("challenge", "ajls384kdj").put("token", token).put("type", "url_verification")
        .encode();
  }

  private static String encrypted(String plain) {
    byte[] iv = "0123456789abcdef".getBytes(UTF_8);
    return new JsonObject().put("encrypt", FeishuCryptoTest.encrypt(KEY, iv, plain.getBytes(UTF_8))).encode();
  }

  private String now() {
    return String.valueOf(clock.instant().getEpochSecond());
  }

  private HttpResponse<String> sendEvent(String eventId, String messageId, String text) throws Exception {
    String body = encrypted(FeishuEventDecoderTest.messageEvent(eventId, messageId, "group", text).encode());
    return sendSigned(body, now(), "nonce-" + eventId, FeishuCrypto.eventSignature(now(), "nonce-" + eventId, KEY,
        body.getBytes(UTF_8)));
  }

  private HttpResponse<String> sendSigned(String body, String timestamp, String nonce, String signature)
      throws Exception {
    return send("/hooks/feishu", body, new String[] {"X-Lark-Request-Timestamp", timestamp,
        "X-Lark-Request-Nonce", nonce, "X-Lark-Signature", signature});
  }

  private HttpResponse<String> send(String path, String body, String[] headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
        .header("content-type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body, UTF_8));
    if (headers != null) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
