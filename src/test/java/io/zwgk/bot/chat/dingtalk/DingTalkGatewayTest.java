package io.zwgk.bot.chat.dingtalk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.zwgk.bot.chat.dingtalk.DingTalkOpenApiClientTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.PlatformException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DingTalkGatewayTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static Vertx vertx;
  private static WebClient web;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
    web = WebClient.create(vertx);
  }

  @AfterAll
  static void closeVertx() {
    web.close();
    vertx.close().await();
  }

  private static DingTalkGateway gateway() {
    return new DingTalkGateway(web, wm.baseUrl(), "dingclient", "client-secret", Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("opening registers clientId, clientSecret and the robot-message subscription, and returns the ticket")
  void opens() throws Exception {
    wm.stubFor(post(urlEqualTo(DingTalkGateway.OPEN_PATH)).willReturn(okJson(
        "{\"endpoint\":\"wss://wss-open-connection.dingtalk.com:443/connect\",\"ticket\":\"7724109a-t\"}")));

    DingTalkGateway.Ticket ticket = gateway().open().await(10, TimeUnit.SECONDS);

    assertThat(ticket).isEqualTo(new DingTalkGateway.Ticket("wss://wss-open-connection.dingtalk.com:443/connect",
        "7724109a-t"));
    assertThat(ticket.toString()).doesNotContain("7724109a-t");
    wm.verify(1, postRequestedFor(urlEqualTo(DingTalkGateway.OPEN_PATH))
        .withRequestBody(matchingJsonPath("$.clientId", equalTo("dingclient")))
        .withRequestBody(matchingJsonPath("$.clientSecret", equalTo("client-secret")))
        .withRequestBody(matchingJsonPath("$.subscriptions", equalToJson(
            "[{\"type\":\"CALLBACK\",\"topic\":\"/v1.0/im/bot/messages/get\"}]")))
        .withRequestBody(matchingJsonPath("$.ua", matching(".+")))
        .withRequestBody(matchingJsonPath("$.localIp", matching("[0-9.]+"))));
  }

  @Test
  @DisplayName("a refused registration fails with DingTalk's error; an answer without a ticket fails with -1")
  void refused() throws Exception {
    wm.stubFor(post(urlEqualTo(DingTalkGateway.OPEN_PATH)).willReturn(aResponse().withStatus(401)
        .withBody("{\"code\":\"InvalidAuthentication\",\"message\":\"clientSecret 不正确\"}")));
    assertThat(failureOf(gateway().open())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.message()).startsWith("InvalidAuthentication"));

    wm.stubFor(post(urlEqualTo(DingTalkGateway.OPEN_PATH)).willReturn(okJson("{\"endpoint\":\"wss://x/connect\"}")));
    assertThat(failureOf(gateway().open())).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.code()).isEqualTo(-1));
  }

  @Test
  @DisplayName("the socket URL is the endpoint with the ticket URL-encoded once; wss means TLS on 443")
  void connectOptions() {
    WebSocketConnectOptions wss = DingTalkGateway.connectOptions(
        new DingTalkGateway.Ticket("wss://wss-open-connection.dingtalk.com/connect", "a+b/c=d"), 5000);
    WebSocketConnectOptions ws = DingTalkGateway.connectOptions(
        new DingTalkGateway.Ticket("ws://127.0.0.1:8181/connect?region=cn", "t 1"), 5000);

    assertThat(wss.getHost()).isEqualTo("wss-open-connection.dingtalk.com");
    assertThat(wss.getPort()).isEqualTo(443);
    assertThat(wss.isSsl()).isTrue();
    assertThat(wss.getURI()).isEqualTo("/connect?ticket=a%2Bb%2Fc%3Dd");
    assertThat(ws.getPort()).isEqualTo(8181);
    assertThat(ws.isSsl()).isFalse();
    assertThat(ws.getURI()).isEqualTo("/connect?region=cn&ticket=t+1");
  }

  @Test
  @DisplayName("an endpoint that is not a WebSocket URL is refused")
  void badEndpoint() {
    assertThatThrownBy(() -> DingTalkGateway.connectOptions(new DingTalkGateway.Ticket("ftp://x/connect", "t"), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DingTalkGateway.connectOptions(new DingTalkGateway.Ticket("connect", "t"), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
