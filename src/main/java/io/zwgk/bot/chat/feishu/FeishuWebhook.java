package io.zwgk.bot.chat.feishu;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.http.ApiException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One robot's event-subscription endpoint ({@code POST /hooks/feishu[/{robot}]}). Body limit 64 KiB (413). With an
 * Encrypt Key: {@code X-Lark-Signature} over the raw body and a timestamp within an hour (401), then decryption (400).
 * Like the official SDK, only {@code url_verification} may arrive unsigned; it is answered with its challenge once
 * its Verification Token matches (401 otherwise), as is every event. Events go to the {@link InboundPipeline}:
 * {@code im.message.receive_v1} is claimed on its {@code message_id} and acknowledged with {@code {}} at once (Feishu
 * waits 3 s), then processed; any other event is acknowledged and ignored.
 */
final class FeishuWebhook {
  private static final Logger log = LoggerFactory.getLogger(FeishuWebhook.class);
  static final int MAX_BODY_BYTES = 64 * 1024;
  static final Duration MAX_SKEW = Duration.ofHours(1);

  private final String robot;
  private final byte[] verificationToken;
  private final Optional<String> encryptKey;
  private final InboundPipeline pipeline;
  private final Clock clock;

  FeishuWebhook(RobotConfig robot, InboundPipeline pipeline, Clock clock) {
    this.robot = robot.name();
    this.verificationToken = robot.required("verificationToken").getBytes(UTF_8);
    this.encryptKey = robot.credential("encryptKey");
    this.pipeline = pipeline;
    this.clock = clock;
  }

  void mount(Router router, String path) {
    router.post(path)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::handle);
  }

  private void handle(RoutingContext rc) {
    FeishuEvent event;
    boolean signed;
    try {
      Buffer raw = rc.body().buffer() == null ? Buffer.buffer() : rc.body().buffer();
      signed = verifySignature(rc.request(), raw);
      event = decode(raw);
      checkToken(event.token());
      if (!signed && encryptKey.isPresent() && !(event instanceof FeishuEvent.UrlVerification)) {
        throw new ApiException(401, "缺少签名 (X-Lark-Signature missing)");
      }
    } catch (ApiException e) {
      log.warn("feishu robot {} callback rejected with {}: {}", robot, e.status(), e.getMessage());
      rc.fail(e);
      return;
    }
    if (event instanceof FeishuEvent.UrlVerification v) {
      log.info("feishu robot {} answered url_verification", robot);
      rc.json(new JsonObject().put("challenge", v.challenge()));
    } else {
      dispatch(rc, (FeishuEvent.Event) event);
    }
  }

  private boolean verifySignature(HttpServerRequest request, Buffer raw) {
    String signature = request.getHeader("X-Lark-Signature");
    if (encryptKey.isEmpty() || signature == null) {
      return false;
    }
    String timestamp = request.getHeader("X-Lark-Request-Timestamp");
    String nonce = request.getHeader("X-Lark-Request-Nonce");
    if (!FeishuCrypto.verifyEvent(signature, timestamp, nonce, encryptKey.get(), raw.getBytes())) {
      throw new ApiException(401, "签名无效 (bad X-Lark-Signature)");
    }
    if (!fresh(timestamp)) {
      throw new ApiException(401, "请求时间戳过期 (X-Lark-Request-Timestamp more than an hour off)");
    }
    return true;
  }

  private boolean fresh(String timestamp) {
    try {
      long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp.strip()));
      return skew <= MAX_SKEW.toSeconds();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private FeishuEvent decode(Buffer raw) {
    try {
      return FeishuEventDecoder.decode(raw, encryptKey);
    } catch (MalformedMessageException | FeishuCryptoException e) {
      throw new ApiException(400, "消息格式不正确 (malformed callback): " + e.getMessage());
    }
  }

  private void checkToken(String token) {
    if (token == null || !MessageDigest.isEqual(verificationToken, token.getBytes(UTF_8))) {
      throw new ApiException(401, "Verification Token 不匹配 (wrong verification token)");
    }
  }

  private void dispatch(RoutingContext rc, FeishuEvent.Event event) {
    pipeline.receive(() -> FeishuEventDecoder.MESSAGE_RECEIVE.equals(event.eventType())
        ? FeishuEventDecoder.message(event.event(), robot) : Optional.empty(),
        InboundPipeline.Acknowledger.of(first -> rc.json(new JsonObject()), e -> {
          log.warn("feishu robot {} callback rejected with 400: {}", robot, e.getMessage());
          rc.fail(new ApiException(400, "消息格式不正确 (malformed message): " + e.getMessage()));
        }));
  }
}
