package io.zwgk.bot.chat.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays the 智能机器人 long-connection gateway on a local port: records every frame by command, records each new
 * socket, and answers subscribe, ping and reply frames with {@code errcode} (0 unless a test sets another) before it
 * records them.
 */
final class FakeWeComGateway {
  record Connection(ServerWebSocket socket) {}

  final BlockingQueue<Connection> connections = new LinkedBlockingQueue<>();
  private final Map<String, BlockingQueue<JsonObject>> frames = new ConcurrentHashMap<>();
  volatile int subscribeErrcode;
  volatile int replyErrcode;
  volatile boolean answerReplies = true;
  volatile boolean answerSubscribe = true;
  private HttpServer server;

  int start(Vertx vertx) {
    server = vertx.createHttpServer().webSocketHandler(ws -> {
      connections.add(new Connection(ws));
      ws.textMessageHandler(text -> received(ws, new JsonObject(text)));
    }).listen(0, "127.0.0.1").await();
    return server.actualPort();
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort();
  }

  private void received(ServerWebSocket ws, JsonObject frame) {
    String cmd = frame.getString("cmd", "");
    String reqId = frame.getJsonObject("headers").getString("req_id");
    respondTo(ws, cmd, reqId);
    frames.computeIfAbsent(cmd, c -> new LinkedBlockingQueue<>()).add(frame);
  }

  /** Writes the answer before the frame is recorded, so a test acting on the frame acts after the answer. */
  private void respondTo(ServerWebSocket ws, String cmd, String reqId) {
    switch (cmd) {
      case "aibot_subscribe" -> {
        if (answerSubscribe) {
          ws.writeTextMessage(answer(reqId, subscribeErrcode).encode());
        }
      }
      case "ping" -> ws.writeTextMessage(answer(reqId, 0).encode());
      case "aibot_respond_msg" -> {
        if (answerReplies) {
          ws.writeTextMessage(answer(reqId, replyErrcode).encode());
        }
      }
      default -> { }
    }
  }

  private static JsonObject answer(String reqId, int errcode) {
    return new JsonObject().put("headers", new JsonObject().put("req_id", reqId)).put("errcode", errcode)
        .put("errmsg", errcode == 0 ? "ok" : "error " + errcode);
  }

  /** The next frame of command {@code cmd}, waiting up to 10 s. */
  JsonObject next(String cmd) throws InterruptedException {
    JsonObject frame = frames.computeIfAbsent(cmd, c -> new LinkedBlockingQueue<>()).poll(10, TimeUnit.SECONDS);
    assertThat(frame).as("a %s frame within 10 s", cmd).isNotNull();
    return frame;
  }

  /** The next new socket, waiting up to 10 s. */
  Connection nextConnection() throws InterruptedException {
    Connection c = connections.poll(10, TimeUnit.SECONDS);
    assertThat(c).as("a connection within 10 s").isNotNull();
    return c;
  }

  /** Pushes a message callback on {@code ws} as WeCom does. */
  static void push(ServerWebSocket ws, String reqId, JsonObject body) {
    ws.writeTextMessage(new JsonObject().put("cmd", "aibot_msg_callback")
        .put("headers", new JsonObject().put("req_id", reqId)).put("body", body).encode());
  }
}
