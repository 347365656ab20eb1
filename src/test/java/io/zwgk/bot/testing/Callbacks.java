package io.zwgk.bot.testing;

import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.dingtalk.DingTalkSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** Platform callbacks as the platforms deliver them (platforms.md), built for tests, and the signing of a delivery. */
public final class Callbacks {
  /** How long a DingTalk sessionWebhook stays usable after the message (platforms.md §1.2). */
  public static final Duration DINGTALK_SESSION = Duration.ofMinutes(90);

  private Callbacks() {
  }

  /**
   * A DingTalk robot callback: a text message in group {@code cid-test} from staff member {@code staff-001} (张三);
   * each of those can be changed, and any other field set with {@link DingTalk#put}.
   */
  public static DingTalk dingtalk() {
    return new DingTalk();
  }

  /**
   * A WeCom intelligent-robot push (platforms.md §2.3): a text message in group chat {@code wrkSFfCgAA} of robot
   * {@code AIBOTID} from user {@code zhangsan}; each of those can be changed, and any other field set with
   * {@link WeCom#put}.
   */
  public static WeCom wecom() {
    return new WeCom();
  }

  /** A POST of {@code body} to {@code uri}, signed (headers {@code timestamp}, {@code sign}) as DingTalk signs. */
  public static HttpRequest signedDingTalk(URI uri, String body, long timestamp, String secret) {
    return HttpRequest.newBuilder(uri)
        .header("content-type", "application/json; charset=utf-8")
        .header("timestamp", String.valueOf(timestamp))
        .header("sign", DingTalkSignature.sign(timestamp, secret))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  /** The fields of one DingTalk callback body. */
  public static final class DingTalk {
    private final JsonObject body = new JsonObject()
        .put("conversationId", "cid-test").put("conversationType", "2")
        .put("senderStaffId", "staff-001").put("senderNick", "张三")
        .put("msgtype", "text");

    private DingTalk() {
    }

    public DingTalk msgId(String msgId) {
      return put("msgId", msgId);
    }

    public DingTalk conversation(String conversationId) {
      return put("conversationId", conversationId);
    }

    public DingTalk conversation(String conversationId, String title) {
      return conversation(conversationId).put("conversationTitle", title);
    }

    public DingTalk sender(String staffId, String nick) {
      return put("senderStaffId", staffId).put("senderNick", nick);
    }

    /** The reply URL, usable for {@link #DINGTALK_SESSION} from now. */
    public DingTalk session(String webhook) {
      return session(webhook, System.currentTimeMillis() + DINGTALK_SESSION.toMillis());
    }

    public DingTalk session(String webhook, long expiresAtMillis) {
      return put("sessionWebhook", webhook).put("sessionWebhookExpiredTime", expiresAtMillis);
    }

    public DingTalk text(String content) {
      return put("text", new JsonObject().put("content", content));
    }

    public DingTalk put(String field, Object value) {
      body.put(field, value);
      return this;
    }

    /** A copy of the body, for tests that go on changing it. */
    public JsonObject object() {
      return body.copy();
    }

    public String json() {
      return body.encode();
    }
  }

  /** The fields of one WeCom push body (the plaintext, before encryption). */
  public static final class WeCom {
    private final JsonObject body = new JsonObject()
        .put("aibotid", "AIBOTID").put("chatid", "wrkSFfCgAA").put("chattype", "group")
        .put("from", new JsonObject().put("userid", "zhangsan"))
        .put("msgtype", "text");

    private WeCom() {
    }

    public WeCom msgId(String msgId) {
      return put("msgid", msgId);
    }

    public WeCom robot(String aibotId) {
      return put("aibotid", aibotId);
    }

    public WeCom chat(String chatId) {
      return put("chatid", chatId);
    }

    public WeCom responseUrl(String url) {
      return put("response_url", url);
    }

    public WeCom text(String content) {
      return put("text", new JsonObject().put("content", content));
    }

    public WeCom put(String field, Object value) {
      body.put(field, value);
      return this;
    }

    /** A copy of the body, for tests that go on changing it. */
    public JsonObject object() {
      return body.copy();
    }

    public String json() {
      return body.encode();
    }
  }
}
