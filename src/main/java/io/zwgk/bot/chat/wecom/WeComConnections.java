package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.zwgk.bot.chat.PlatformException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running long connections by robot name, so a reply to a long-connection message finds the socket it came in
 * on. Verticles register on start and leave on stop; lookups come from any context.
 */
final class WeComConnections {
  private final Map<String, WeComLongConnectionVerticle> byRobot = new ConcurrentHashMap<>();

  void register(String robot, WeComLongConnectionVerticle connection) {
    byRobot.put(robot, connection);
  }

  void unregister(String robot, WeComLongConnectionVerticle connection) {
    byRobot.remove(robot, connection);
  }

  /** Answers callback {@code reqId} of {@code robot}'s connection; fails with code -1 if the robot has none. */
  Future<Void> respond(String robot, String reqId, String markdown) {
    WeComLongConnectionVerticle connection = byRobot.get(robot);
    if (connection == null) {
      return Future.failedFuture(PlatformException.local(WeComMessageDecoder.PLATFORM,
          "no long connection for robot " + robot));
    }
    return connection.respond(reqId, markdown);
  }
}
