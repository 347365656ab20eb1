package io.zwgk.bot.chat.wecom;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.zwgk.bot.chat.InboundMessage;
import io.zwgk.bot.chat.InboundPipeline;
import io.zwgk.bot.chat.PlatformException;
import io.zwgk.bot.config.RobotConfig;
import io.zwgk.bot.ops.ReconnectBackoff;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the 智能机器人 long connection of one robot (doc 101463): keeps one {@link WeComSession} open, reconnecting
 * with exponential backoff and jitter ({@link LongConnectionTiming#initialBackoff()} to
 * {@link LongConnectionTiming#maxBackoff()}), at the longest delay after a bad bot id or secret, and not at all after
 * another connection for the bot took over. Hands the messages its sessions receive to the {@link InboundPipeline}
 * (nothing to acknowledge: WeCom expects only the reply), and answers them
 * over the current socket when {@link WeComConnections} routes a reply here. State is confined to its context.
 */
final class WeComLongConnectionVerticle extends VerticleBase implements WeComSession.Listener {
  private static final Logger log = LoggerFactory.getLogger(WeComLongConnectionVerticle.class);
  private static final double JITTER = 0.2;

  private final String robot;
  private final String botId;
  private final String botSecret;
  private final URI url;
  private final InboundPipeline pipeline;
  private final WeComConnections connections;
  private final LongConnectionTiming timing;
  private final ReconnectBackoff backoff;
  private final ReconnectTimer timer;
  private WebSocketClient client;
  private WeComSession session;
  private boolean stopping;
  private int failures;

  /** @param url the gateway, {@code wss://openws.work.weixin.qq.com} in production */
  WeComLongConnectionVerticle(RobotConfig robot, String url, InboundPipeline pipeline, WeComConnections connections,
      LongConnectionTiming timing, ReconnectTimer timer) {
    this.robot = robot.name();
    this.botId = robot.required("botId");
    this.botSecret = robot.required("botSecret");
    this.url = URI.create(url);
    this.pipeline = pipeline;
    this.connections = connections;
    this.timing = timing;
    this.backoff = new ReconnectBackoff(timing.initialBackoff(), timing.maxBackoff(), JITTER);
    this.timer = timer;
  }

  @Override
  public Future<?> start() {
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setConnectTimeout((int) timing.connectTimeout().toMillis()).setClosingTimeout(2));
    connections.register(robot, this);
    connect();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    connections.unregister(robot, this);
    Future<Void> closed = session == null ? Future.succeededFuture() : session.close();
    session = null;
    return closed.eventually(() -> client.close());
  }

  /** Answers callback {@code reqId} over the current socket; completes on WeCom's acknowledgement. Any thread. */
  Future<Void> respond(String reqId, String markdown) {
    Promise<Void> promise = Promise.promise();
    context.runOnContext(v -> {
      if (session == null) {
        promise.fail(PlatformException.local(WeComMessageDecoder.PLATFORM, "long connection not open"));
      } else {
        session.respond(reqId, markdown).onComplete(promise);
      }
    });
    return promise.future();
  }

  @Override
  public void subscribed() {
    failures = 0;
  }

  @Override
  public void message(InboundMessage message) {
    pipeline.accept(message, InboundPipeline.Acknowledger.NONE);
  }

  @Override
  public void ended(WeComSession.End how) {
    session = null;
    if (stopping) {
      return;
    }
    if (how == WeComSession.End.REPLACED) {
      return;
    }
    Duration delay = how == WeComSession.End.BAD_CREDENTIALS
        ? backoff.longest(ThreadLocalRandom.current().nextDouble()) : nextDelay();
    log.warn("wecom robot {}: long connection closed; reconnecting in {} ms", robot, delay.toMillis());
    timer.schedule(vertx, delay, this::connect);
  }

  private void connect() {
    if (stopping) {
      return;
    }
    client.connect(connectOptions()).onSuccess(this::opened).onFailure(e -> {
      Duration delay = nextDelay();
      log.warn("wecom robot {}: cannot connect to {} ({}); retrying in {} ms", robot, url.getHost(), e.getMessage(),
          delay.toMillis());
      timer.schedule(vertx, delay, this::connect);
    });
  }

  private Duration nextDelay() {
    return backoff.delay(failures++, ThreadLocalRandom.current().nextDouble());
  }

  private void opened(WebSocket ws) {
    if (stopping) {
      ws.close();
      return;
    }
    session = new WeComSession(vertx, ws, robot, timing, this);
    session.subscribe(botId, botSecret);
  }

  private WebSocketConnectOptions connectOptions() {
    boolean ssl = "wss".equalsIgnoreCase(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    return new WebSocketConnectOptions().setHost(url.getHost()).setPort(port).setSsl(ssl).setURI(path)
        .setConnectTimeout(timing.connectTimeout().toMillis());
  }
}
