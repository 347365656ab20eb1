package io.zwgk.bot.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.dingtalk.DingTalkSignature;
import java.util.List;

/**
 * Signed DingTalk app-robot callbacks as DingTalk posts them: the {@code timestamp}/{@code sign} headers (each
 * callback its own pair, since the service accepts a pair once: timestamps start 59 minutes back and step by at least
 * 1 ms, so a run at saturation stays inside DingTalk's one-hour window for about a quarter of an hour) and a text message with a fresh {@code msgId}, one of a few
 * commands that are all answered from the statistics cache, and a {@code sessionWebhook} on the local sink that
 * carries the callback's sequence number, so the sink can time the reply. Every callback comes from a sender of its
 * own: the service's per-sender budget (10 commands a minute) is drawn on each time, as in production, and never
 * runs out, so every callback is answered.
 */
final class Callbacks {
  static final String SECRET = "bench-app-secret";
  static final String PATH = "/hooks/dingtalk";
  static final List<String> COMMANDS = List.of("完成率 县农业农村局", "排名", "末五位", "概况", "完成率 大桥镇政府",
      "排名 乡镇");

  private final String sinkUrl;
  private final String runTag;
  private final java.util.concurrent.atomic.AtomicLong lastTimestamp = new java.util.concurrent.atomic.AtomicLong();
  private final long expiresAt;

  /** @param sinkUrl the sink's reply endpoint, e.g. {@code http://127.0.0.1:4711/reply} */
  Callbacks(String sinkUrl, String runTag) {
    this.sinkUrl = sinkUrl;
    this.runTag = runTag;
    this.expiresAt = System.currentTimeMillis() + 3_600_000L;
  }

  String sinkUrl() {
    return sinkUrl;
  }

  /** Headers with a timestamp/sign pair no other callback of this run uses. */
  MultiMap headers() {
    long timestamp = lastTimestamp.updateAndGet(last ->
        Math.max(last + 1, System.currentTimeMillis() - java.time.Duration.ofMinutes(59).toMillis()));
    return MultiMap.caseInsensitiveMultiMap()
        .add("Content-Type", "application/json; charset=utf-8")
        .add("timestamp", String.valueOf(timestamp))
        .add("sign", DingTalkSignature.sign(timestamp, SECRET));
  }

  /** The body of callback number {@code n}. */
  Buffer body(long n) {
    long user = n;
    return new JsonObject()
        .put("msgtype", "text")
        .put("text", new JsonObject().put("content", " " + COMMANDS.get((int) (n % COMMANDS.size()))))
        .put("msgId", "bench-" + runTag + "-" + n)
        .put("createAt", System.currentTimeMillis())
        .put("conversationType", "2")
        .put("conversationId", "cid-bench-group")
        .put("conversationTitle", "压测群")
        .put("senderId", "$:LWCP_v1:$u" + user)
        .put("senderNick", "压测用户" + user)
        .put("senderStaffId", "staff" + user)
        .put("chatbotUserId", "$:LWCP_v1:$bot")
        .put("robotCode", "bench-robot")
        .put("isInAtList", true)
        .put("atUsers", new JsonArray().add(new JsonObject().put("dingtalkId", "$:LWCP_v1:$bot")))
        .put("sessionWebhook", sinkUrl + "?n=" + n)
        .put("sessionWebhookExpiredTime", expiresAt)
        .toBuffer();
  }
}
