package io.zwgk.bot.chat.dingtalk;

import io.zwgk.bot.chat.MalformedMessageException;
import io.zwgk.bot.config.RobotConfig;
import java.util.Optional;

/**
 * The ids a robot's own callbacks carry, as far as they are configured: {@code robotCode} is the app's AppKey
 * ({@code clientId}), {@code chatbotUserId} the robot's user id (optional {@code chatbotUserId} credential). A callback
 * that carries one of them with another value was not meant for this robot and is refused.
 */
record DingTalkRobotIds(Optional<String> robotCode, Optional<String> chatbotUserId) {
  /** Nothing configured: nothing to compare. */
  static final DingTalkRobotIds NONE = new DingTalkRobotIds(Optional.empty(), Optional.empty());

  static DingTalkRobotIds of(RobotConfig robot) {
    return new DingTalkRobotIds(robot.credential("clientId"), robot.credential("chatbotUserId"));
  }

  /** @throws ForeignRobotException if the callback names a robot other than the configured one */
  void check(DingTalkCallback cb) {
    if (differs(robotCode, cb.robotCode())) {
      throw new ForeignRobotException("dingtalk callback robotCode is not this robot's");
    }
    if (differs(chatbotUserId, cb.chatbotUserId())) {
      throw new ForeignRobotException("dingtalk callback chatbotUserId is not this robot's");
    }
  }

  private static boolean differs(Optional<String> expected, String carried) {
    return expected.isPresent() && carried != null && !carried.isEmpty() && !expected.get().equals(carried);
  }

  /** A verified callback that names another robot; mapped to 403. */
  static final class ForeignRobotException extends MalformedMessageException {
    ForeignRobotException(String message) {
      super(message);
    }
  }
}
