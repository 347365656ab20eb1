package io.zwgk.bot.chat.wecom;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.Future;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.zwgk.bot.chat.GroupSender;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to a WeCom group through its group robot (消息推送, doc 91770): {@code POST
 * {api}/cgi-bin/webhook/send?key=K}. The group's {@code webhook} is either the bare key or the full webhook URL
 * (which must contain {@code key=}; it is used as given).
 *
 * <p>Mentions: the content is always one {@code markdown} message (≤ 4096 bytes) with a {@code <@userid>} tag per
 * {@link OutboundMessage#atUserIds() user id}, the documented way to @ members in markdown. Mobile numbers can only be
 * mentioned by a {@code text} message's {@code mentioned_mobile_list}, so when {@link OutboundMessage#atMobiles()} is
 * not empty a short text message naming the title (≤ 2048 bytes) follows, carrying that list. The follow-up is best
 * effort: once the markdown is delivered, a failed follow-up is logged and the send still succeeds, so that a retry
 * never repeats the content. WeCom group robots take no idempotency key, so {@code idempotencyKey} is unused.
 */
final class WeComGroupSender implements GroupSender {
  private static final Logger log = LoggerFactory.getLogger(WeComGroupSender.class);
  private static final String PLATFORM = WeComMessageDecoder.PLATFORM;
  static final int MARKDOWN_MAX_BYTES = 4096;
  static final int TEXT_MAX_BYTES = 2048;
  /** Room left in the markdown for the appended {@code <@userid>} tags. */
  static final int MENTION_ROOM_BYTES = 496;
  static final String SEND_PATH = "/cgi-bin/webhook/send?key=";

  private final WebClient web;
  private final String apiBase;
  private final long timeoutMs;

  WeComGroupSender(WebClient web, String apiBase, long timeoutMs) {
    this.web = Objects.requireNonNull(web, "web");
    this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    this.timeoutMs = timeoutMs;
  }

  @Override
  public int maxTextBytes() {
    return MARKDOWN_MAX_BYTES - MENTION_ROOM_BYTES;
  }

  @Override
  public Future<Void> send(GroupConfig group, OutboundMessage message, String idempotencyKey) {
    String url;
    try {
      url = url(group);
    } catch (PlatformException e) {
      return Future.failedFuture(e);
    }
    String content = WeComText.withMentions(message.markdown(), message.atUserIds());
    if (WeComText.bytes(content) > MARKDOWN_MAX_BYTES) {
      return Future.failedFuture(new PlatformException(WeComApiErrors.TABLE, 40058,
          "markdown.content exceeds " + MARKDOWN_MAX_BYTES + " bytes"));
    }
    return post(url, markdownBody(content))
        .compose(v -> message.atMobiles().isEmpty() ? Future.succeededFuture() : mentionMobiles(url, group, message));
  }

  static JsonObject markdownBody(String content) {
    return new JsonObject().put("msgtype", "markdown").put("markdown", new JsonObject().put("content", content));
  }

  static JsonObject mobileMentionBody(OutboundMessage message) {
    String content = WeComText.fit("请查看上一条消息：" + message.title(), TEXT_MAX_BYTES);
    JsonObject text = new JsonObject().put("content", content)
        .put("mentioned_mobile_list", new JsonArray(new ArrayList<>(message.atMobiles())));
    return new JsonObject().put("msgtype", "text").put("text", text);
  }

  private Future<Void> mentionMobiles(String url, GroupConfig group, OutboundMessage message) {
    return post(url, mobileMentionBody(message)).recover(e -> {
      log.warn("wecom group {}: message sent, but mentioning {} mobile(s) failed: {}", group.name(),
          message.atMobiles().size(), e.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> post(String url, JsonObject body) {
    return web.postAbs(url)
        .timeout(timeoutMs)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .sendBuffer(body.toBuffer())
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .compose(WeComResponses::check);
  }

  private String url(GroupConfig group) {
    String webhook = group.webhook().map(Secret::value).map(String::strip)
        .orElseThrow(() -> PlatformException.local(PLATFORM, "group " + group.name() + " has no webhook key"));
    if (!WeComText.isHttpUrl(webhook)) {
      return apiBase + SEND_PATH + URLEncoder.encode(webhook, UTF_8);
    }
    if (!webhook.contains("key=")) {
      throw PlatformException.local(PLATFORM, "group " + group.name() + " webhook URL has no key= parameter");
    }
    return webhook;
  }
}
