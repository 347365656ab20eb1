package io.zwgk.bot.chat.dingtalk;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URLEncoder;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's robot signature: {@code Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))} with the
 * timestamp in milliseconds. The outbound custom-robot sign goes into the query string URL-encoded exactly once; the
 * inbound app-robot callback carries it raw in the {@code sign} header. Both are valid for one hour around the
 * platform's clock.
 */
public final class DingTalkSignature {
  private static final Duration MAX_SKEW = Duration.ofHours(1);
  private static final String HMAC = "HmacSHA256";

  private DingTalkSignature() {}

  /**
   * Checks the {@code timestamp} and {@code sign} headers of an app-robot HTTP callback. Returns {@code false}, never
   * throws, when a header or the secret is missing, the timestamp is not a number or is more than one hour away from
   * {@code now}, or the signature does not match (compared in constant time).
   */
  public static boolean verifyCallback(String timestampHeader, String signHeader, String appSecret, Instant now) {
    if (timestampHeader == null || signHeader == null || appSecret == null || appSecret.isEmpty() || now == null) {
      return false;
    }
    long timestampMs;
    try {
      timestampMs = Long.parseLong(timestampHeader);
    } catch (NumberFormatException e) {
      return false;
    }
    if (!withinSkew(timestampMs, now)) {
      return false;
    }
    byte[] expected = sign(timestampMs, appSecret).getBytes(UTF_8);
    return MessageDigest.isEqual(expected, signHeader.getBytes(UTF_8));
  }

  /**
   * How long a callback signature that {@link #verifyCallback} accepted at {@code now} keeps passing the window:
   * until one hour after its timestamp, plus a minute for clocks that differ between instances.
   */
  public static Duration usableFor(String timestampHeader, Instant now) {
    Instant last = Instant.ofEpochMilli(Long.parseLong(timestampHeader)).plus(MAX_SKEW);
    return Duration.between(now, last).plusMinutes(1);
  }

  /** The raw Base64 signature for {@code timestampMs} and {@code secret}, not URL-encoded. */
  public static String sign(long timestampMs, String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("secret is empty");
    }
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(UTF_8), HMAC));
      byte[] digest = mac.doFinal((timestampMs + "\n" + secret).getBytes(UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /**
   * The query parameters to append to a custom-robot webhook URL: {@code timestamp=<ms>&sign=<sign>}, with the Base64
   * signature URL-encoded exactly once ({@code +}, {@code /} and {@code =} escaped).
   */
  public static String signQuery(long timestampMs, String secret) {
    return "timestamp=" + timestampMs + "&sign=" + URLEncoder.encode(sign(timestampMs, secret), UTF_8);
  }

  private static boolean withinSkew(long timestampMs, Instant now) {
    try {
      return Duration.between(Instant.ofEpochMilli(timestampMs), now).abs().compareTo(MAX_SKEW) <= 0;
    } catch (DateTimeException | ArithmeticException e) {
      return false;
    }
  }
}
