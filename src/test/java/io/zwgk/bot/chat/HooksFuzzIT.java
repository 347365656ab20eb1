package io.zwgk.bot.chat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.zwgk.bot.chat.dingtalk.DingTalkSignature;
import io.zwgk.bot.chat.feishu.FeishuCrypto;
import io.zwgk.bot.chat.wecom.WxBizMsgCrypt;
import io.zwgk.bot.store.RedisServerExtension;
import io.zwgk.bot.testing.Callbacks;
import io.zwgk.bot.testing.HostileInput;
import io.zwgk.bot.testing.TestApp;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fault drill: hostile requests to every {@code /hooks/*} endpoint of the running service, unsigned and correctly
 * signed (so they reach the decoders), never get a 500, and the service still answers a good message afterwards.
 */
@ExtendWith(RedisServerExtension.class)
class HooksFuzzIT {
  @RegisterExtension
  static WireMockExtension platforms = WireMockExtension.newInstance()
      .options(com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().dynamicPort()).build();

  private static final String WECOM_TOKEN = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
  private static final String WECOM_KEY = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
  private static final String WECOM_RECEIVE_ID = "ww1436e0e65a779aee";
  private static final String FEISHU_TOKEN = "vt-fuzz";
  private static final String FEISHU_KEY = "fuzz key";
  private static final int CASES = 100;
  private static final WxBizMsgCrypt WECOM = new WxBizMsgCrypt(WECOM_TOKEN, WECOM_KEY, WECOM_RECEIVE_ID);

  private static TestApp app;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> failures = new ArrayList<>();
  private final Map<String, java.util.Set<Integer>> statuses = new HashMap<>();

  @BeforeAll
  static void start() {
    platforms.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.okJson("{\"errcode\":0,\"code\":0}")));
    Map<String, String> env = new HashMap<>(Map.of(
        "WECOM_TOKEN", WECOM_TOKEN, "WECOM_ENCODING_AES_KEY", WECOM_KEY, "WECOM_RECEIVE_ID", WECOM_RECEIVE_ID,
        "FEISHU_VERIFICATION_TOKEN", FEISHU_TOKEN, "FEISHU_ENCRYPT_KEY", FEISHU_KEY,
        "DINGTALK_API_BASE", platforms.baseUrl(), "WECOM_API_BASE", platforms.baseUrl(),
        "FEISHU_API_BASE", platforms.baseUrl()));
    env.put("ZWGK_DEMO", "false");
    env.put("FEISHU_APP_ID", "cli_fuzz");
    env.put("FEISHU_APP_SECRET", "fuzz-secret");
    app = TestApp.start(env);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
  }

  private JsonObject dingtalkCallback() {
    return Callbacks.dingtalk().conversation("cid-fuzz").msgId("m-1").sender("staff-1", "张三")
        .session(platforms.baseUrl() + "/robot/sendBySession?session=s1", System.currentTimeMillis() + 3_600_000L)
        .text("帮助").object();
  }

  private JsonObject wecomPush() {
    return Callbacks.wecom().msgId("CAIQ16HMjQYY").chat("wrk1")
        .responseUrl(platforms.baseUrl() + "/cgi-bin/aibot/response?response_code=RC").text("@RobotA 帮助").object();
  }

  private static JsonObject feishuEvent() {
    return new JsonObject().put("schema", "2.0")
        .put("header", new JsonObject().put("event_id", "e-1").put("event_type", "im.message.receive_v1")
            .put("token", FEISHU_TOKEN))
        .put("event", new JsonObject()
            .put("sender", new JsonObject().put("sender_type", "user")
                .put("sender_id", new JsonObject().put("open_id", "ou_sender")))
            .put("message", new JsonObject().put("message_id", "om_1").put("chat_id", "oc_1")
                .put("chat_type", "p2p").put("message_type", "text")
                .put("content", new JsonObject().put("text", "帮助").encode())
                .put("mentions", new JsonArray())));
  }

  /** Sends and records any 5xx with the case seed that replays it. */
  private void expectNo500(long seed, String what, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      statuses.computeIfAbsent(what, k -> new java.util.TreeSet<>()).add(response.statusCode());
      if (response.statusCode() >= 500) {
        failures.add("seed " + seed + " " + what + ": " + response.statusCode() + " " + response.body());
      }
    } catch (java.io.IOException e) {
      failures.add("seed " + seed + " " + what + ": connection failed: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private HttpRequest.Builder post(String pathAndQuery, byte[] body, HostileInput in) {
    return HttpRequest.newBuilder(URI.create(app.baseUrl() + pathAndQuery)).timeout(Duration.ofSeconds(20))
        .header("content-type", in.random().nextInt(5) == 0 ? headerSafe(in.mixed(3)) : "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Hostile text reduced to what an HTTP header may carry (the client refuses the rest). */
  private static String headerSafe(String s) {
    String kept = s.chars().filter(c -> c >= 0x21 && c < 0x7F).collect(StringBuilder::new,
        StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return kept.isEmpty() ? "x" : kept.length() > 200 ? kept.substring(0, 200) : kept;
  }

  private static String q(String s) {
    return URLEncoder.encode(s.length() > 2_000 ? s.substring(0, 2_000) : s, UTF_8);
  }

  /** Hostile body bytes: raw, or a mutated template; mostly under the 64 KiB limit, sometimes over. */
  private static byte[] body(HostileInput in, JsonObject template) {
    byte[] b = in.random().nextBoolean() ? in.bytes() : in.mutate(template).getBytes(UTF_8);
    return in.random().nextInt(10) == 0 ? b : Arrays.copyOf(b, Math.min(b.length, 60 * 1024));
  }

  @Test
  @DisplayName("hostile requests to every /hooks endpoint, signed and unsigned, never produce a 500; a good message"
      + " is still answered afterwards")
  void noServerErrors() {
    for (int i = 0; i < CASES; i++) {
      dingtalk(60_000L + i);
      wecom(70_000L + i);
      feishu(80_000L + i);
    }
    assertThat(failures).isEmpty();
    assertThat(statuses).as("signed requests got past verification: accepted (200) and rejected by the decoders (400)")
        .allSatisfy((endpoint, seen) -> assertThat(seen).contains(200, 400));

    long now = System.currentTimeMillis();
    JsonObject good = dingtalkCallback().put("msgId", "after-the-fuzz").put("senderStaffId", "staff-after");
    expectNo500(0, "good message", post("/hooks/dingtalk", good.encode().getBytes(UTF_8), new HostileInput(0))
        .header("content-type", "application/json").header("timestamp", String.valueOf(now))
        .header("sign", DingTalkSignature.sign(now, TestApp.DINGTALK_SECRET)).build());
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> platforms.findAll(
        WireMock.postRequestedFor(WireMock.urlPathEqualTo("/robot/sendBySession"))).stream()
        .anyMatch(r -> r.getBodyAsString().contains("staff-after")));
  }

  private void dingtalk(long seed) {
    HostileInput in = new HostileInput(seed);
    long now = System.currentTimeMillis();
    byte[] body = body(in, dingtalkCallback());
    boolean signed = in.random().nextInt(4) > 0;
    HttpRequest.Builder request = post(in.random().nextInt(10) == 0 ? "/hooks/dingtalk/" + q(in.mixed(2))
        : "/hooks/dingtalk", body, in);
    request.header("timestamp", signed ? String.valueOf(now) : headerSafe(in.mixed(2)))
        .header("sign", signed ? DingTalkSignature.sign(now, TestApp.DINGTALK_SECRET) : headerSafe(in.mixed(2)));
    expectNo500(seed, "dingtalk", request.build());
  }

  private void wecom(long seed) {
    HostileInput in = new HostileInput(seed);
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = in.random().nextBoolean() ? "n" + seed : in.mixed(2);
    String encrypt = switch (in.random().nextInt(3)) {
      case 0 -> in.base64();
      case 1 -> in.text();
      default -> WECOM.encrypt(in.random().nextBoolean() ? in.mutate(wecomPush()) : in.text());
    };
    boolean signed = in.random().nextInt(4) > 0;
    String signature = signed ? WECOM.signature(timestamp, nonce, encrypt) : in.mixed(2);
    String query = "?msg_signature=" + q(signature) + "&timestamp=" + q(signed ? timestamp : in.mixed(2))
        + "&nonce=" + q(nonce);
    if (in.random().nextInt(4) == 0) {
      String echo = in.random().nextBoolean() ? WECOM.encrypt(in.text()) : in.base64();
      expectNo500(seed, "wecom GET", HttpRequest.newBuilder(URI.create(app.baseUrl() + "/hooks/wecom?msg_signature="
          + q(WECOM.signature(timestamp, nonce, echo)) + "&timestamp=" + timestamp + "&nonce=" + q(nonce)
          + "&echostr=" + q(echo))).timeout(Duration.ofSeconds(20)).GET().build());
      return;
    }
    byte[] body = in.random().nextInt(5) == 0 ? body(in, new JsonObject().put("encrypt", encrypt))
        : new JsonObject().put("encrypt", encrypt).encode().getBytes(UTF_8);
    expectNo500(seed, "wecom POST", post("/hooks/wecom" + query, body, in).build());
  }

  private void feishu(long seed) {
    HostileInput in = new HostileInput(seed);
    byte[] body = switch (in.random().nextInt(4)) {
      case 0 -> body(in, feishuEvent());
      case 1 -> new JsonObject().put("encrypt", in.random().nextBoolean() ? in.base64() : in.text()).encode()
          .getBytes(UTF_8);
      default -> new JsonObject().put("encrypt", encrypt(in, in.random().nextInt(5) == 0
          ? new JsonObject().put("type", "url_verification").put("token", FEISHU_TOKEN).put("challenge", in.text())
              .encode() : in.mutate(feishuEvent()))).encode().getBytes(UTF_8);
    };
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    String nonce = headerSafe(in.mixed(2));
    HttpRequest.Builder request = post("/hooks/feishu", body, in);
    if (in.random().nextInt(4) > 0) {
      request.header("X-Lark-Request-Timestamp", timestamp).header("X-Lark-Request-Nonce", nonce)
          .header("X-Lark-Signature", FeishuCrypto.eventSignature(timestamp, nonce, FEISHU_KEY, body));
    }
    expectNo500(seed, "feishu", request.build());
  }

  /** Encrypts the Feishu way: a random IV, then AES-256-CBC with key SHA-256(Encrypt Key), Base64. */
  private static String encrypt(HostileInput in, String plain) {
    try {
      byte[] iv = new byte[16];
      in.random().nextBytes(iv);
      byte[] key = MessageDigest.getInstance("SHA-256").digest(FEISHU_KEY.getBytes(UTF_8));
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      byte[] sealed = cipher.doFinal(plain.getBytes(UTF_8));
      byte[] out = Arrays.copyOf(iv, iv.length + sealed.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
