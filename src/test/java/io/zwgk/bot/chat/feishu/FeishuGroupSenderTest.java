package io.zwgk.bot.chat.feishu;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.zwgk.bot.chat.feishu.FeishuApiClientTest.await;
import static io.zwgk.bot.chat.feishu.FeishuApiClientTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FeishuGroupSenderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String HOOK = "/open-apis/bot/v2/hook/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab";
  private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneId.of("Asia/Shanghai"));
  private static final OutboundMessage REMINDER = new OutboundMessage("催办", "**县水利局** 4月尚未发布信息",
      List.of("ou_contact"), List.of("13800001111"));

  private static Vertx vertx;
  private static WebClient webClient;
  private FeishuGroupSender sender;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    webClient = WebClient.create(vertx);
  }

  @AfterAll
  static void closeVertx() {
    webClient.close();
    vertx.close().await();
  }

  @BeforeEach
  void newSender() {
    FeishuApiClient app = new FeishuApiClient(webClient, wm.baseUrl(), "cli_app", "s", 2000, FIXED);
    Map<String, FeishuApiClient> apps = Map.of("default", app);
    sender = new FeishuGroupSender(webClient, wm.baseUrl(), 2000, FIXED, name -> Optional.ofNullable(apps.get(name)));
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson(FeishuApiClientTest.OK)));
  }

  private static GroupConfig webhookGroup(String webhook, String secret) {
    return new GroupConfig("县政务公开工作群", "feishu", "default", Optional.empty(), Optional.of(new Secret(webhook)),
        Optional.ofNullable(secret).map(Secret::new), false, true, List.of());
  }

  private static GroupConfig chatGroup(String robot) {
    return new GroupConfig("办公室群", "feishu", robot, Optional.of("oc_office"), Optional.empty(), Optional.empty(),
        true, false, List.of());
  }

  private JsonObject onlyHookBody() {
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(HOOK)));
    assertThat(requests).hasSize(1);
    return new JsonObject(requests.get(0).getBodyAsString());
  }

  @Test
  @DisplayName("a signed custom bot gets timestamp in seconds and the §6.3 sign in the JSON body")
  void signedBody() throws Exception {
    await(sender.send(webhookGroup(wm.baseUrl() + HOOK, "this is secret"), REMINDER, "k-1"));

    JsonObject body = onlyHookBody();
    assertThat(body.getString("timestamp")).isEqualTo("1700000000");
    assertThat(body.getString("sign")).isEqualTo("OfGzRzoUICBOoc8wVra1e4A1hPfbZ9zqXozA8CWVUuY=");
    assertThat(body.getString("msg_type")).isEqualTo("text");
    assertThat(body.getJsonObject("content").getString("text"))
        .isEqualTo("<at user_id=\"ou_contact\"></at> 县水利局 4月尚未发布信息");
  }

  @Test
  @DisplayName("without a secret the body carries no timestamp or sign; a bare token resolves against the API base")
  void unsignedBareToken() throws Exception {
    await(sender.send(webhookGroup("0f1e2d3c-aaaa-bbbb-cccc-1234567890ab", null), REMINDER, "k-1"));

    JsonObject body = onlyHookBody();
    assertThat(body.containsKey("timestamp")).isFalse();
    assertThat(body.containsKey("sign")).isFalse();
  }

  @Test
  @DisplayName("9499 \"too many request\" (HTTP 400) and 11232 are throttled")
  void throttled() throws Exception {
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":9499,\"msg\":\"too many request\",\"data\":{}}")));
    assertThat(failureOf(sender.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.code()).isEqualTo(9499);
          assertThat(e.throttled()).isTrue();
          assertThat(e.permanent()).isFalse();
        });

    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{\"code\":11232,\"msg\":\"frequency limited\"}")));
    assertThat(failureOf(sender.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.throttled()).isTrue());
  }

  @Test
  @DisplayName("19021 (sign or timestamp) is permanent, and 9499 \"Bad Request\" is permanent, not throttled")
  void permanent() throws Exception {
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson(
        "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}")));
    assertThat(failureOf(sender.send(webhookGroup(wm.baseUrl() + HOOK, "this is secret"), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.code()).isEqualTo(19021);
          assertThat(e.permanent()).isTrue();
          assertThat(e.throttled()).isFalse();
        });

    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(400)
        .withBody("{\"code\":9499,\"msg\":\"Bad Request\",\"data\":{}}")));
    assertThat(failureOf(sender.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.permanent()).isTrue();
          assertThat(e.throttled()).isFalse();
        });
  }

  @Test
  @DisplayName("an older tenant's StatusCode answer is read like code")
  void legacyStatusCode() throws Exception {
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}")));
    await(sender.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k"));

    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson("{\"StatusCode\":19024,\"StatusMessage\":\"Key Words Not Found\"}")));
    assertThat(failureOf(sender.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.code()).isEqualTo(19024);
          assertThat(e.message()).isEqualTo("Key Words Not Found");
        });
  }

  @Test
  @DisplayName("HTTP 502 and a slow custom bot fail as HTTP errors")
  void serverErrorAndTimeout() throws Exception {
    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(aResponse().withStatus(502)));
    assertThat(failureOf(sender.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k")))
        .isNotInstanceOf(PlatformException.class).hasMessageContaining("502");

    wm.stubFor(post(urlEqualTo(HOOK)).willReturn(okJson(FeishuApiClientTest.OK).withFixedDelay(3000)));
    FeishuGroupSender impatient = new FeishuGroupSender(webClient, wm.baseUrl(), 200, FIXED, name -> Optional.empty());
    assertThat(failureOf(impatient.send(webhookGroup(wm.baseUrl() + HOOK, null), REMINDER, "k")))
        .isNotInstanceOf(PlatformException.class).hasMessageContaining("timeout");
  }

  @Test
  @DisplayName("a group with only a chat_id is sent through its robot's app with the idempotency key as uuid")
  void chatIdThroughApi() throws Exception {
    FeishuApiClientTest.stubToken(wm, "t-1", 7200);
    wm.stubFor(post(urlEqualTo(FeishuApiClientTest.SEND_URL)).willReturn(okJson(FeishuApiClientTest.OK)));

    await(sender.send(chatGroup("default"), REMINDER, "remind:2024-04-25:水利局"));

    wm.verify(1, postRequestedFor(urlEqualTo(FeishuApiClientTest.SEND_URL))
        .withRequestBody(matchingJsonPath("$.receive_id", equalTo("oc_office")))
        .withRequestBody(matchingJsonPath("$.uuid", equalTo("remind:2024-04-25:水利局"))));
    wm.verify(0, postRequestedFor(urlEqualTo(HOOK)));
  }

  @Test
  @DisplayName("a group with neither webhook nor chat_id, or whose robot has no app, fails permanently without a request")
  void nowhereToSend() throws Exception {
    GroupConfig nothing = new GroupConfig("空群", "feishu", "default", Optional.empty(), Optional.empty(),
        Optional.empty(), false, false, List.of());

    assertThat(failureOf(sender.send(nothing, REMINDER, "k"))).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.permanent()).isTrue());
    assertThat(failureOf(sender.send(chatGroup("other"), REMINDER, "k"))).isInstanceOfSatisfying(
        PlatformException.class, e -> assertThat(e.permanent()).isTrue());
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("the text limit leaves room under the 20 KB custom-bot body limit")
  void maxTextBytes() {
    assertThat(sender.maxTextBytes()).isEqualTo(18_000).isLessThan(20 * 1000);
  }
}
