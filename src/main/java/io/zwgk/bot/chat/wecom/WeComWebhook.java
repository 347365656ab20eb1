package io.zwgk.bot.chat.wecom;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 智能机器人 webhook of one robot (docs 101033, 100719). {@code GET}: URL verification, answering the
 * decrypted {@code echostr} verbatim as text/plain. {@code POST}: {@code {"encrypt": …}} verified over the raw
 * {@code encrypt} field (401), timestamp within an hour (401), decrypted (400), then the {@link InboundPipeline}:
 * parsed (400), claimed on {@code msgid}, answered with an empty 200 at once (doc 101031: an empty body means no
 * passive reply), then processed; the answer goes through {@code response_url}. Events and stream refreshes get the
 * empty 200 only.
 */
final class WeComWebhook {
  private static final Logger log = LoggerFactory.getLogger(WeComWebhook.class);
  private static final Duration MAX_SKEW = Duration.ofHours(1);

  private final String robot;
  private final WxBizMsgCrypt crypt;
  private final InboundPipeline pipeline;
  private final Clock clock;

  WeComWebhook(String robot, WxBizMsgCrypt crypt, InboundPipeline pipeline, Clock clock) {
    this.robot = robot;
    this.crypt = crypt;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  void verifyUrl(RoutingContext rc) {
    String echostr = base64Param(rc, "echostr");
    if (!authentic(rc, echostr)) {
      return;
    }
    String echo;
    try {
      echo = crypt.decrypt(echostr);
    } catch (WeComCryptoException e) {
      reject(rc, 400, "URL verification echostr cannot be decrypted: " + e.getMessage());
      return;
    }
    rc.response().putHeader("Content-Type", "text/plain; charset=utf-8").end(echo);
  }

  void receive(RoutingContext rc) {
    String encrypt;
    try {
      encrypt = encryptField(rc.body().buffer());
    } catch (MalformedMessageException e) {
      reject(rc, 400, e.getMessage());
      return;
    }
    if (!authentic(rc, encrypt)) {
      return;
    }
    String decrypted;
    try {
      decrypted = crypt.decrypt(encrypt);
    } catch (WeComCryptoException e) {
      reject(rc, 400, e.getMessage());
      return;
    }
    pipeline.receive(() -> decode(decrypted), InboundPipeline.Acknowledger.of(first -> rc.response().end(),
        e -> reject(rc, 400, e.getMessage())));
  }

  private Optional<InboundMessage> decode(String decrypted) {
    WeComMessage message = WeComMessageDecoder.parse(decrypted);
    return message.isUserMessage() ? Optional.of(WeComMessageDecoder.toInbound(message, robot,
        WeComMessageDecoder.webhookReply(message, clock.instant()))) : Optional.empty();
  }

  private boolean authentic(RoutingContext rc, String encrypted) {
    String timestamp = rc.request().getParam("timestamp");
    if (!crypt.verify(rc.request().getParam("msg_signature"), timestamp, rc.request().getParam("nonce"),
        encrypted)) {
      reject(rc, 401, "bad signature");
      return false;
    }
    if (!fresh(timestamp)) {
      reject(rc, 401, "timestamp more than an hour from now");
      return false;
    }
    return true;
  }

  private boolean fresh(String timestamp) {
    try {
      Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
      return Duration.between(sent, clock.instant()).abs().compareTo(MAX_SKEW) <= 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The URL-decoded parameter; a '+' that arrived unencoded decodes to a space, which Base64 never contains. */
  private static String base64Param(RoutingContext rc, String name) {
    String value = rc.request().getParam(name);
    return value == null ? null : value.replace(' ', '+');
  }

  private static String encryptField(Buffer body) {
    if (body == null || body.length() == 0) {
      throw new MalformedMessageException("wecom callback body is empty");
    }
    Object encrypt;
    try {
      encrypt = new JsonObject(body).getValue("encrypt");
    } catch (DecodeException | ClassCastException e) {
      throw new MalformedMessageException("wecom callback body is not a JSON object");
    }
    if (!(encrypt instanceof String s) || s.isEmpty()) {
      throw new MalformedMessageException("wecom callback body has no encrypt field");
    }
    return s;
  }

  private void reject(RoutingContext rc, int status, String reason) {
    log.warn("wecom robot {}: {} {} rejected ({}): {}", robot, rc.request().method(), rc.request().path(), status,
        reason);
    rc.fail(new ApiException(status, status == 401 ? "签名无效或已过期 (bad or stale signature)"
        : "消息格式不正确 (malformed message): " + reason));
  }
}
