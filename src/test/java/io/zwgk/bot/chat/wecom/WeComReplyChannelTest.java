package io.zwgk.bot.chat.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.chat.ReplyHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.zwgk.bot.chat.ReplyOrigins;
import org.junit.jupiter.api.extension.RegisterExtension;

class WeComReplyChannelTest {
  @RegisterExtension
  static WireMockExtension evil = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final Instant NOW = Instant.parse("2024-04-30T08:00:00Z");
  private static final String PATH = "/cgi-bin/aibot/response?response_code=RC1";
  private static final OutboundMessage ANSWER = new OutboundMessage("完成率", "县水利局 19.11%", List.of("zhangsan"),
      List.of());

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

  private static WeComReplyChannel channel() {
    return new WeComReplyChannel(web, 2000, new WeComConnections(), Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")),
        ReplyOrigins.of(List.of("https://qyapi.weixin.qq.com", wm.baseUrl())));
  }

  private static InboundMessage to(ReplyHandle handle) {
    return new InboundMessage("wecom", "default", "chat", "", "zhangsan", "", "完成率 水利局", List.of(), "m1", handle);
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    Throwable cause = future.toCompletionStage().toCompletableFuture().handle((ok, err) -> err)
        .get(10, TimeUnit.SECONDS);
    assertThat(cause).as("the reply should have failed").isNotNull();
    return cause;
  }

  @Test
  @DisplayName("a webhook message is answered by POSTing markdown to its response_url")
  void postsToResponseUrl() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    ReplyHandle handle = new ReplyHandle(wm.baseUrl() + PATH, NOW.plusSeconds(60), Map.of());

    channel().reply(to(handle), ANSWER).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    wm.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
        "{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"县水利局 19.11%\"}}")));
  }

  @Test
  @DisplayName("a non-zero errcode from response_url fails the reply with that code")
  void errcodeFails() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errcode\":40014,\"errmsg\":\"invalid response_code\"}")));
    ReplyHandle handle = new ReplyHandle(wm.baseUrl() + PATH, NOW.plusSeconds(60), Map.of());

    assertThat(failureOf(channel().reply(to(handle), ANSWER)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(40014));
  }

  @Test
  @DisplayName("without response_url, or after its hour, the reply fails with code -1 and nothing is sent")
  void noChannel() throws Exception {
    Throwable missing = failureOf(channel().reply(to(new ReplyHandle("", null, Map.of())), ANSWER));
    Throwable expired = failureOf(channel().reply(to(new ReplyHandle(wm.baseUrl() + PATH, NOW, Map.of())), ANSWER));

    assertThat(missing).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(-1);
      assertThat(e.permanent()).isTrue();
    });
    assertThat(expired).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(-1));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a long-connection message whose robot has no open connection fails with code -1")
  void socketMessageWithoutConnection() throws Exception {
    ReplyHandle handle = new ReplyHandle("", null, Map.of(WeComMessageDecoder.REQ_ID, "req-1"));

    assertThat(failureOf(channel().reply(to(handle), ANSWER)))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(-1));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a response_url whose origin is not WeCom's (or WECOM_API_BASE's) is never fetched: permanent -1")
  void foreignResponseUrlNeverFetched() throws Exception {
    evil.stubFor(post(anyUrl()).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    for (String url : List.of(evil.baseUrl() + PATH, "https://qyapi.weixin.qq.com.e.vil" + PATH,
        "http://qyapi.weixin.qq.com" + PATH, "https://qyapi.weixin.qq.com@127.0.0.1:1" + PATH)) {
      Throwable cause = failureOf(channel().reply(to(new ReplyHandle(url, NOW.plusSeconds(60), Map.of())), ANSWER));

      assertThat(cause).as(url).isInstanceOfSatisfying(PlatformException.class, e -> {
        assertThat(e.code()).isEqualTo(-1);
        assertThat(e.permanent()).isTrue();
      });
    }
    evil.verify(0, anyRequestedFor(anyUrl()));
  }
}
