package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.chat.ChatService;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.http.ApiException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /hooks/dingtalk}: the app robot's HTTP callback. Body limit (413), signature over the timestamp header
 * (401), JSON (400), dedupe claim on {@code msgId}, then 200 at once; the command runs and replies afterwards.
 */
public final class DingTalkRoutes {
  private static final Logger log = LoggerFactory.getLogger(DingTalkRoutes.class);
  static final int MAX_BODY_BYTES = 64 * 1024;

  private DingTalkRoutes() {
  }

  public static void mount(Router router, ChatService chat, Optional<String> appSecret, Clock clock) {
    router.post("/hooks/dingtalk")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(rc -> handle(rc, chat, appSecret, clock));
  }

  private static void handle(RoutingContext rc, ChatService chat, Optional<String> appSecret, Clock clock) {
    if (appSecret.isEmpty()) {
      rc.fail(new ApiException(503, "钉钉回调未启用：请设置 DINGTALK_APP_SECRET (DINGTALK_APP_SECRET not set)"));
      return;
    }
    String timestamp = rc.request().getHeader("timestamp");
    String sign = rc.request().getHeader("sign");
    if (!DingTalkSignature.verifyCallback(timestamp, sign, appSecret.get(), clock.instant())) {
      log.warn("dingtalk callback rejected: bad or stale signature from {}", rc.request().remoteAddress());
      rc.fail(new ApiException(401, "签名无效或已过期 (bad or stale signature)"));
      return;
    }
    InboundMessage message;
    try {
      message = DingTalkCallbackDecoder.decode(rc.body().buffer(), "default");
    } catch (MalformedMessageException e) {
      log.warn("dingtalk callback rejected: {}", e.getMessage());
      rc.fail(new ApiException(400, "消息格式不正确 (malformed message): " + e.getMessage()));
      return;
    }
    chat.claim(message).onComplete(claimed -> {
      boolean first = claimed.succeeded() && claimed.result();
      rc.json(new JsonObject().put("status", first ? "accepted" : "duplicate"));
      if (first) {
        chat.process(message);
      }
    });
  }
}
