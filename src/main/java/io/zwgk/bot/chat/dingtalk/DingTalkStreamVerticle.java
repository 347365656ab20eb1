package io.zwgk.bot.chat.dingtalk;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.ops.ReconnectBackoff;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns one Stream-mode robot's WebSocket to the DingTalk gateway: registers for a ticket, connects, lets
 * {@link StreamFrameHandler} answer the frames, moves to a new ticket on {@code disconnect}, and reconnects with
 * {@link ReconnectBackoff} after a close or a failed attempt; a working connection resets the backoff. A WebSocket
 * ping goes out every keep-alive period; three periods without any frame or pong close the socket. All state lives
 * on this verticle's context.
 */
final class DingTalkStreamVerticle extends VerticleBase {
  private static final Logger log = LoggerFactory.getLogger(DingTalkStreamVerticle.class);
  private static final int MAX_MISSED_PONGS = 3;

  private final DingTalkGateway gateway;
  private final String robot;
  private final StreamFrameHandler frames;
  private final ReconnectBackoff backoff;
  private final Duration keepAlive;
  private WebSocketClient client;
  private WebSocket socket;
  private WebSocket retired;
  private int failures;
  private int missedPongs;
  private long reconnectTimer = -1;
  private boolean stopped;

  DingTalkStreamVerticle(DingTalkGateway gateway, String robot, DingTalkRobotIds ids, InboundPipeline pipeline,
      ReconnectBackoff backoff, Duration keepAlive) {
    this.gateway = gateway;
    this.robot = robot;
    this.frames = new StreamFrameHandler(robot, ids, pipeline);
    this.backoff = backoff;
    this.keepAlive = keepAlive;
  }

  @Override
  public Future<?> start() {
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setConnectTimeout((int) gateway.timeoutMs()).setClosingTimeout(2));
    vertx.setPeriodic(keepAlive.toMillis(), id -> keepAlive());
    connect();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    Future<Void> current = socket == null ? Future.succeededFuture() : socket.close();
    Future<Void> old = retired == null ? Future.succeededFuture() : retired.close();
    return Future.join(current, old).eventually(client::close);
  }

  private void connect() {
    reconnectTimer = -1;
    gateway.open()
        .compose(ticket -> client.connect(DingTalkGateway.connectOptions(ticket, gateway.timeoutMs())))
        .onSuccess(this::attach)
        .onFailure(e -> {
          log.warn("dingtalk stream robot {}: connection attempt failed: {}", robot, e.getMessage());
          scheduleReconnect();
        });
  }

  private void attach(WebSocket ws) {
    if (stopped) {
      ws.close();
      return;
    }
    socket = ws;
    failures = 0;
    missedPongs = 0;
    ws.textMessageHandler(text -> onText(ws, text));
    ws.pongHandler(pong -> missedPongs = 0);
    ws.exceptionHandler(e -> log.warn("dingtalk stream robot {}: socket error: {}", robot, e.getMessage()));
    ws.closeHandler(v -> onClosed(ws));
    if (retired != null) {
      retired.close();
      retired = null;
    }
    log.info("dingtalk stream robot {} connected", robot);
  }

  private void onClosed(WebSocket ws) {
    if (ws != socket || stopped) {
      return;
    }
    socket = null;
    log.warn("dingtalk stream robot {}: connection closed ({}), reconnecting", robot, ws.closeStatusCode());
    scheduleReconnect();
  }

  private void scheduleReconnect() {
    if (stopped || reconnectTimer != -1) {
      return;
    }
    Duration delay = backoff.delay(failures++, ThreadLocalRandom.current().nextDouble());
    reconnectTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> connect());
  }

  private void rotate(WebSocket ws) {
    if (ws != socket || stopped) {
      return;
    }
    log.info("dingtalk stream robot {}: gateway asked to disconnect, moving to a new connection", robot);
    socket = null;
    retired = ws;
    connect();
  }

  private void keepAlive() {
    if (socket == null) {
      return;
    }
    if (++missedPongs > MAX_MISSED_PONGS) {
      log.warn("dingtalk stream robot {}: no answer for {} keep-alive periods, closing", robot, MAX_MISSED_PONGS);
      socket.close();
      return;
    }
    socket.writePing(Buffer.buffer("zwgk"));
  }

  private void onText(WebSocket ws, String text) {
    missedPongs = 0;
    if (frames.handle(ws, text)) {
      rotate(ws);
    }
  }
}
