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
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One app robot's HTTP callback ({@code POST /hooks/dingtalk[/{robot}]}): body limit (413), signature over the
 * timestamp header with this robot's own secret (401), JSON (400), dedupe claim on {@code msgId}, then 200 at once;
 * the command runs and replies afterwards.
 */
public final class DingTalkRoutes {
  private static final Logger log = LoggerFactory.getLogger(DingTalkRoutes.class);
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final String robot;
  private final String appSecret;
  private final ChatService chat;
  private final Clock clock;

  private DingTalkRoutes(String robot, String appSecret, ChatService chat, Clock clock) {
    this.robot = Objects.requireNonNull(robot, "robot");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Mounts the callback of the robot named {@code robot} at {@code path}, verified with {@code appSecret}. */
  static void mount(Router router, String path, String robot, String appSecret, ChatService chat, Clock clock) {
    DingTalkRoutes routes = new DingTalkRoutes(robot, appSecret, chat, clock);
    router.post(path)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(routes::handle);
  }

  private void handle(RoutingContext rc) {
    String timestamp = rc.request().getHeader("timestamp");
    String sign = rc.request().getHeader("sign");
    if (!DingTalkSignature.verifyCallback(timestamp, sign, appSecret, clock.instant())) {
      log.warn("dingtalk callback for robot {} rejected: bad or stale signature from {}", robot,
          rc.request().remoteAddress());
      rc.fail(new ApiException(401, "签名无效或已过期 (bad or stale signature)"));
      return;
    }
    InboundMessage message;
    try {
      message = DingTalkCallbackDecoder.decode(rc.body().buffer(), robot);
    } catch (MalformedMessageException e) {
      log.warn("dingtalk callback for robot {} rejected: {}", robot, e.getMessage());
      rc.fail(new ApiException(400, "消息格式不正确 (malformed message): " + e.getMessage()));
      return;
    }
    chat.claim(message).onComplete(claimed -> {
      boolean first = claimed.succeeded() && claimed.result().first();
      rc.json(new JsonObject().put("status", first ? "accepted" : "duplicate"));
      if (first) {
        chat.process(message, claimed.result());
      }
    });
  }
}
