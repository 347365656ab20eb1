package io.zwgk.bot.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat platforms, played by a tiny Vert.x HTTP server in the bench process. {@code POST /reply?n=…} takes a
 * DingTalk sessionWebhook reply and notes when reply {@code n} arrived; {@code POST /robot/send?access_token=…}
 * (DingTalk custom robot) and {@code POST /open-apis/bot/v2/hook/…} (Feishu custom bot) take group messages, note
 * each robot's arrivals and the {@code seq=k} marker in the text, and, when given limits, answer the platform's
 * "too fast" error whenever a robot goes over them. Every other answer is {@code {"errcode":0}} (and Feishu's
 * {@code "code":0}).
 */
final class ReplySink {
  private static final Buffer OK = Buffer.buffer("{\"errcode\":0,\"errmsg\":\"ok\",\"code\":0,\"msg\":\"success\"}");
  private static final Buffer DINGTALK_THROTTLED = Buffer.buffer("{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
  private static final Buffer FEISHU_THROTTLED = Buffer.buffer("{\"code\":9499,\"msg\":\"too many request\"}");
  private static final Pattern SEQ = Pattern.compile("seq=(\\d+)");

  /** One robot's accepted messages: arrival times (ns) and their {@code seq} markers, in arrival order. */
  record Robot(List<Long> arrivals, List<Integer> seqs) {
  }

  private final AtomicLongArray replyAt;
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong groupMessages = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private final AtomicLong earliest = new AtomicLong();
  private final Map<String, Robot> robots = new ConcurrentHashMap<>();
  private volatile SinkLimits limits;
  private volatile Promise<Void> target;
  private volatile long targetCount = Long.MAX_VALUE;
  private HttpServer server;

  private ReplySink(int capacity, SinkLimits limits) {
    this.replyAt = new AtomicLongArray(capacity);
    this.limits = limits;
  }

  /** Starts a sink that remembers reply times for sequence numbers below {@code capacity}. */
  static Future<ReplySink> start(Vertx vertx, int capacity, SinkLimits limits) {
    ReplySink sink = new ReplySink(capacity, limits);
    return vertx.createHttpServer().requestHandler(sink::handle).listen(0, "127.0.0.1").map(s -> {
      sink.server = s;
      return sink;
    });
  }

  int port() {
    return server.actualPort();
  }

  String replyUrl() {
    return "http://127.0.0.1:" + port() + "/reply";
  }

  private void handle(HttpServerRequest req) {
    long now = System.nanoTime();
    req.body().onSuccess(body -> {
      String path = req.path();
      if (path.equals("/reply")) {
        long n = Long.parseLong(req.getParam("n", "-1"));
        if (n >= 0 && n < replyAt.length()) {
          replyAt.set((int) n, now);
        }
        replies.incrementAndGet();
        req.response().putHeader("Content-Type", "application/json").end(OK);
      } else if (path.equals("/robot/send")) {
        group(req, "dingtalk", req.getParam("access_token", ""), body, now);
      } else if (path.startsWith("/open-apis/bot/v2/hook/")) {
        group(req, "feishu", path.substring(path.lastIndexOf('/') + 1), body, now);
      } else {
        req.response().setStatusCode(404).end();
      }
    });
  }

  private void group(HttpServerRequest req, String platform, String token, Buffer body, long now) {
    Robot robot = robots.computeIfAbsent(token, t -> new Robot(new ArrayList<>(), new ArrayList<>()));
    synchronized (robot) {
      long early = limits.shortfall(platform, robot.arrivals(), now);
      if (early > 0) {
        throttled.incrementAndGet();
        earliest.accumulateAndGet(early, Math::max);
        req.response().putHeader("Content-Type", "application/json")
            .end(platform.equals("feishu") ? FEISHU_THROTTLED : DINGTALK_THROTTLED);
        return;
      }
      robot.arrivals().add(now);
      Matcher m = SEQ.matcher(body.toString());
      robot.seqs().add(m.find() ? Integer.parseInt(m.group(1)) : -1);
    }
    req.response().putHeader("Content-Type", "application/json").end(OK);
    Promise<Void> p = target;
    if (groupMessages.incrementAndGet() >= targetCount && p != null) {
      p.tryComplete();
    }
  }

  /** Completes once {@code count} group messages in all have been accepted since the last {@link #reset()}. */
  Future<Void> groupMessagesReach(long count) {
    Promise<Void> p = Promise.promise();
    target = p;
    targetCount = count;
    if (groupMessages.get() >= count) {
      p.tryComplete();
    }
    return p.future();
  }

  /** Forgets the group messages, robots and throttling answers seen so far. */
  void reset() {
    robots.clear();
    groupMessages.set(0);
    throttled.set(0);
    earliest.set(0);
    targetCount = Long.MAX_VALUE;
  }

  /** Enforces {@code limits} from now on. */
  void limits(SinkLimits limits) {
    this.limits = limits;
  }

  long replies() {
    return replies.get();
  }

  /** When reply {@code n} arrived (ns), or 0 when it has not. */
  long replyAt(long n) {
    return n < replyAt.length() ? replyAt.get((int) n) : 0;
  }

  long throttled() {
    return throttled.get();
  }

  /** The most any throttled message arrived before its window allowed it (ns). */
  long worstShortfallNanos() {
    return earliest.get();
  }

  Map<String, Robot> robots() {
    return robots;
  }

  Future<Void> close() {
    return server.close();
  }
}
