package io.zwgk.bot.chat.wecom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WeComGroupSenderTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
  private static final String SEND = "/cgi-bin/webhook/send?key=" + KEY;
  private static final OutboundMessage REMINDER = new OutboundMessage("4月政务公开提醒",
      "### 4月政务公开提醒\n县水利局 完成率 **19.11%**", List.of("zhangsan"), List.of());

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

  private static WeComGroupSender sender(long timeoutMs) {
    return new WeComGroupSender(web, wm.baseUrl(), timeoutMs);
  }

  private static GroupConfig group(String webhook) {
    return new GroupConfig("政务公开工作群", "wecom", "default", Optional.empty(),
        Optional.ofNullable(webhook).map(Secret::new), Optional.empty(), true, false, List.of());
  }

  private static Throwable failureOf(Future<?> future) throws Exception {
    Throwable cause = future.toCompletionStage().toCompletableFuture().handle((ok, err) -> err)
        .get(10, TimeUnit.SECONDS);
    assertThat(cause).as("the send should have failed").isNotNull();
    return cause;
  }

  private static void await(Future<?> future) throws Exception {
    future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a bare key is sent to {api}/cgi-bin/webhook/send?key=K as one markdown message with <@userid> tags")
  void sendsMarkdownWithUserMentions() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    await(sender(2000).send(group(KEY), REMINDER, "idem-1"));

    wm.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson("""
        {"msgtype":"markdown","markdown":{"content":"### 4月政务公开提醒\\n县水利局 完成率 **19.11%**\\n<@zhangsan>"}}
        """)));
    wm.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a full webhook URL containing key= is used as given")
  void fullUrlUsedAsGiven() throws Exception {
    wm.stubFor(post(urlPathEqualTo("/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

    await(sender(2000).send(group(wm.baseUrl() + "/custom/send?key=" + KEY + "&debug=1"),
        OutboundMessage.of("t", "排名"), "idem-2"));

    wm.verify(1, postRequestedFor(urlEqualTo("/custom/send?key=" + KEY + "&debug=1"))
        .withRequestBody(matchingJsonPath("$.markdown.content", equalTo("排名"))));
  }

  @Test
  @DisplayName("mobiles are mentioned by a following text message with mentioned_mobile_list")
  void mobilesMentionedByText() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    OutboundMessage msg = new OutboundMessage("补报提醒", "请尽快补报", List.of(), List.of("13800001111"));

    await(sender(2000).send(group(KEY), msg, "idem-3"));

    wm.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson("""
        {"msgtype":"markdown","markdown":{"content":"请尽快补报"}}""")));
    wm.verify(1, postRequestedFor(urlEqualTo(SEND)).withRequestBody(equalToJson("""
        {"msgtype":"text","text":{"content":"请查看上一条消息：补报提醒","mentioned_mobile_list":["13800001111"]}}""")));
  }

  @Test
  @DisplayName("a failed mobile follow-up does not fail a send whose content was delivered")
  void mobileFollowUpBestEffort() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.msgtype", equalTo("markdown")))
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    wm.stubFor(post(urlEqualTo(SEND)).withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
        .willReturn(okJson("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")));

    await(sender(2000).send(group(KEY), new OutboundMessage("t", "x", List.of(), List.of("13800001111")), "k"));

    wm.verify(2, postRequestedFor(urlEqualTo(SEND)));
  }

  @Test
  @DisplayName("errcode 45009 fails with a throttled PlatformException")
  void throttled() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson(
        "{\"errcode\":45009,\"errmsg\":\"api freq out of limit, hint: [1]\"}")));

    Throwable cause = failureOf(sender(2000).send(group(KEY), REMINDER, "idem-4"));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.platform()).isEqualTo("wecom");
      assertThat(e.code()).isEqualTo(45009);
      assertThat(e.message()).startsWith("api freq out of limit");
      assertThat(e.throttled()).isTrue();
      assertThat(e.permanent()).isFalse();
    });
  }

  @Test
  @DisplayName("errcode 93000 (invalid webhook url) fails with a permanent PlatformException")
  void invalidKeyPermanent() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}")));

    Throwable cause = failureOf(sender(2000).send(group(KEY), REMINDER, "idem-5"));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.code()).isEqualTo(93000);
      assertThat(e.permanent()).isTrue();
      assertThat(e.throttled()).isFalse();
    });
  }

  @Test
  @DisplayName("HTTP 502 fails the send without a platform code")
  void serverError() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(aResponse().withStatus(502).withBody("{\"errcode\":0}")));

    assertThat(failureOf(sender(2000).send(group(KEY), REMINDER, "idem-6")))
        .isNotInstanceOf(PlatformException.class).hasMessageContaining("502");
  }

  @Test
  @DisplayName("a response slower than the timeout fails the send")
  void timeout() throws Exception {
    wm.stubFor(post(urlEqualTo(SEND)).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(3000)));

    assertThat(failureOf(sender(200).send(group(KEY), REMINDER, "idem-7")))
        .isNotInstanceOf(PlatformException.class).hasMessageContaining("timeout");
  }

  @Test
  @DisplayName("markdown over 4096 bytes once mentions are added fails locally with 40058 and sends nothing")
  void oversizeNotSent() throws Exception {
    String text = "政".repeat(1365);
    OutboundMessage msg = new OutboundMessage("t", text, List.of("zhangsan"), List.of());

    Throwable cause = failureOf(sender(2000).send(group(KEY), msg, "idem-8"));

    assertThat(cause).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(40058));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("a group without a webhook, or a URL without key=, fails with code -1 and sends nothing")
  void missingKey() throws Exception {
    assertThat(failureOf(sender(2000).send(group(null), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(-1));
    assertThat(failureOf(sender(2000).send(group("https://qyapi.weixin.qq.com/cgi-bin/webhook/send"), REMINDER, "k")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.code()).isEqualTo(-1));
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  @DisplayName("the text budget leaves room for mentions under the 4096-byte markdown limit")
  void budget() {
    assertThat(sender(2000).maxTextBytes()).isEqualTo(3600).isLessThan(4096);
  }
}
