package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.http.ApiException;
import io.zwgk.bot.ops.SafeText;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One app robot's HTTP callback ({@code POST /hooks/dingtalk[/{robot}]}): body limit (413), signature over the
 * timestamp header with this robot's own secret (401), one use of each {@code timestamp}/{@code sign} pair (a second
 * use is a replay: 401; Redis unreachable: 503), JSON and id lengths (400), {@code robotCode}/{@code chatbotUserId}
 * of this robot (403), then the {@link InboundPipeline}: claim on {@code msgId}, 200 at once, and the command runs
 * and replies afterwards.
 * DingTalk signs only the timestamp, so without the one-use rule a captured header pair would carry any body for
 * an hour.
 */
public final class DingTalkWebhook {
  private static final Logger log = LoggerFactory.getLogger(DingTalkWebhook.class);
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final String robot;
  private final String appSecret;
  private final DingTalkRobotIds ids;
  private final InboundPipeline pipeline;
  private final Clock clock;

  private DingTalkWebhook(String robot, String appSecret, DingTalkRobotIds ids, InboundPipeline pipeline,
      Clock clock) {
    this.robot = Objects.requireNonNull(robot, "robot");
    this.appSecret = Objects.requireNonNull(appSecret, "appSecret");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Mounts the callback of the robot named {@code robot} at {@code path}, verified with {@code appSecret}; callbacks
   * that name another robot than {@code ids} are refused.
   */
  static void mount(Router router, String path, String robot, String appSecret, DingTalkRobotIds ids,
      InboundPipeline pipeline, Clock clock) {
    DingTalkWebhook routes = new DingTalkWebhook(robot, appSecret, ids, pipeline, clock);
    router.post(path)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(routes::handle);
  }

  private void handle(RoutingContext rc) {
    String timestamp = rc.request().getHeader("timestamp");
    String sign = rc.request().getHeader("sign");
    Instant now = clock.instant();
    if (!DingTalkSignature.verifyCallback(timestamp, sign, appSecret, now)) {
      log.warn("dingtalk callback for robot {} rejected: bad or stale signature from {}", robot,
          rc.request().remoteAddress());
      rc.fail(new ApiException(401, "签名无效或已过期 (bad or stale signature)"));
      return;
    }
    pipeline.claimSignature(DingTalkCallbackDecoder.PLATFORM, robot, timestamp + ":" + sign,
        DingTalkSignature.usableFor(timestamp, now)).onComplete(claimed -> {
          if (claimed.failed()) {
            log.warn("dingtalk callback for robot {} refused: signature reuse cannot be checked: {}", robot,
                SafeText.of(claimed.cause()));
            rc.fail(new ApiException(503, "暂时无法校验签名，请稍后重试 (signature check unavailable)"));
          } else if (!claimed.result()) {
            log.warn("dingtalk callback for robot {} rejected: signature already used (replay) from {}", robot,
                rc.request().remoteAddress());
            rc.fail(new ApiException(401, "签名已使用过 (signature already used)"));
          } else {
            accept(rc);
          }
        });
  }

  private void accept(RoutingContext rc) {
    pipeline.receive(() -> Optional.of(DingTalkCallbackDecoder.decode(rc.body().buffer(), robot, ids)),
        InboundPipeline.Acknowledger.of(
            first -> rc.json(new JsonObject().put("status", first ? "accepted" : "duplicate")),
            e -> refuse(rc, e)));
  }

  private void refuse(RoutingContext rc, MalformedMessageException e) {
    log.warn("dingtalk callback for robot {} rejected: {}", robot, e.getMessage());
    rc.fail(e instanceof DingTalkRobotIds.ForeignRobotException
        ? new ApiException(403, "消息不属于此机器人 (message for another robot)")
        : new ApiException(400, "消息格式不正确 (malformed message): " + e.getMessage()));
  }
}
