package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.InboundPipeline.Acknowledger;
import io.zwgk.bot.chat.MalformedMessageException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the frames of one Stream-mode robot: {@code ping} echoed with its data, robot message frames ACKed at once
 * (before decoding: DingTalk redelivers a late ACK) and then handed to the {@link InboundPipeline}, events ACKed,
 * unsupported callback topics answered 404. A malformed frame is logged once and otherwise ignored; nothing here
 * closes the socket.
 */
final class StreamFrameHandler {
  private static final Logger log = LoggerFactory.getLogger(StreamFrameHandler.class);
  private static final String EVENT_ACK_DATA = "{\"status\":\"SUCCESS\",\"message\":\"ignored\"}";

  private final String robot;
  private final DingTalkRobotIds ids;
  private final InboundPipeline pipeline;

  StreamFrameHandler(String robot, DingTalkRobotIds ids, InboundPipeline pipeline) {
    this.robot = robot;
    this.ids = ids;
    this.pipeline = pipeline;
  }

  /** Handles one text frame received on {@code ws}; true when the gateway asks for a new connection. */
  boolean handle(WebSocketBase ws, String text) {
    StreamFrame frame;
    try {
      frame = StreamFrame.parse(text);
    } catch (MalformedMessageException e) {
      log.warn("dingtalk stream robot {}: frame ignored: {}", robot, e.getMessage());
      return false;
    }
    switch (frame.type()) {
      case "SYSTEM" -> {
        return onSystem(ws, frame);
      }
      case "CALLBACK" -> onCallback(ws, frame);
      case "EVENT" -> send(ws, frame, frame.ack(200, "OK", EVENT_ACK_DATA));
      default -> log.warn("dingtalk stream robot {}: frame of unknown type {} ignored", robot, frame.type());
    }
    return false;
  }

  private boolean onSystem(WebSocketBase ws, StreamFrame frame) {
    switch (frame.topic()) {
      case "ping" -> send(ws, frame, frame.ack(200, "OK", frame.data()));
      case "disconnect" -> {
        return true;
      }
      default -> log.debug("dingtalk stream robot {}: system topic {} ignored", robot, frame.topic());
    }
    return false;
  }

  private void onCallback(WebSocketBase ws, StreamFrame frame) {
    if (!StreamFrame.BOT_MESSAGE_TOPIC.equals(frame.topic())) {
      send(ws, frame, frame.ack(404, "topic not supported", StreamFrame.CALLBACK_ACK_DATA));
      return;
    }
    send(ws, frame, frame.ack(200, "OK", StreamFrame.CALLBACK_ACK_DATA));
    pipeline.receive(() -> Optional.of(DingTalkCallbackDecoder.decode(Buffer.buffer(frame.data()), robot, ids)),
        Acknowledger.of(first -> { }, e -> log.warn("dingtalk stream robot {}: message {} ignored: {}", robot,
            frame.messageId(), e.getMessage())));
  }

  private void send(WebSocketBase ws, StreamFrame frame, String ack) {
    if (!frame.acknowledgeable()) {
      log.warn("dingtalk stream robot {}: {} frame without messageId cannot be acknowledged", robot, frame.type());
      return;
    }
    ws.writeTextMessage(ack);
  }
}
