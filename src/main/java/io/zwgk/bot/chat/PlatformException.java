package io.zwgk.bot.chat;

import java.util.Locale;
import java.util.Objects;

/**
 * A chat platform answered a request with an error code ({@code errcode != 0}, {@code code != 0}; see
 * {@link #answered}), or a send could not be attempted (code {@code -1}, e.g. an expired DingTalk
 * {@code sessionWebhook}).
 *
 * <p>{@link #message()} is the platform's own error text; {@link #getMessage()} adds platform and code for logs.
 */
public class PlatformException extends RuntimeException {
  private final String platform;
  private final int code;
  private final String message;
  private final boolean answered;

  /**
   * @param platform {@code dingtalk}, {@code wecom} or {@code feishu}
   * @param code the platform's error code, or {@code -1} for a local failure
   * @param message the platform's error message ({@code errmsg}, {@code msg}), or a local description
   */
  public PlatformException(String platform, int code, String message) {
    this(platform, code, message, false);
  }

  private PlatformException(String platform, int code, String message, boolean answered) {
    super(Objects.requireNonNull(platform, "platform") + " error " + code + ": " + message);
    this.platform = platform;
    this.code = code;
    this.message = message == null ? "" : message;
    this.answered = answered;
  }

  /**
   * The platform answered with this error code. Unlike a local failure, a platform's own {@code -1} (WeCom and
   * DingTalk "系统繁忙, 请稍候再试") is worth retrying.
   */
  public static PlatformException answered(String platform, int code, String message) {
    return new PlatformException(platform, code, message, true);
  }

  /** The platform that reported the error. */
  public String platform() {
    return platform;
  }

  /** The platform's error code, {@code -1} for a local failure. */
  public int code() {
    return code;
  }

  /** The platform's error message, without platform and code. */
  public String message() {
    return message;
  }

  /**
   * Whether the platform is rate-limiting the robot, so the send should be queued and retried later rather than
   * dropped: DingTalk 130101 (or HTTP 429 from its OpenAPI), WeCom 45009, Feishu 11232, 99991400, HTTP 429 or 9499
   * "too many request". DingTalk's OpenAPI answers its per-app QPS limit with HTTP 403
   * {@code Forbidden.AccessDenied.QpsLimit…}.
   */
  public boolean throttled() {
    return switch (platform) {
      case "dingtalk" -> code == 130101 || code == 429
          || code == 403 && message.startsWith("Forbidden.AccessDenied.QpsLimit"); // OpenAPI per-app QPS limit
      case "wecom" -> code == 45009;
      case "feishu" -> code == 11232 || code == 99991400 || code == 429
          || code == 9499 && message.toLowerCase(Locale.ROOT).contains("too many request");
      default -> false;
    };
  }

  /**
   * Whether the platform refused the access token as invalid or expired, so the cached token must be dropped and the
   * call made again, at once, with a fresh one: Feishu 99991663 / 99991668, WeCom 42001 / 40014, DingTalk 40014 /
   * 42001 (legacy oapi) or {@code InvalidAuthentication} (v1.0 OpenAPI, HTTP 401).
   */
  public boolean tokenRejected() {
    return switch (platform) {
      case "feishu" -> code == 99991663 || code == 99991668;
      case "wecom" -> code == 42001 || code == 40014;
      case "dingtalk" -> code == 40014 || code == 42001 || code == 401
          || message.startsWith("InvalidAuthentication");
      default -> false;
    };
  }

  /**
   * Whether retrying cannot help: a configuration error (wrong token, signature, IP allow-list, keyword), a body the
   * platform refuses, or a reply channel that no longer exists. Such a message is dead-lettered at once and reported.
   */
  public boolean permanent() {
    if (code == -1) {
      return !answered;
    }
    return switch (platform) {
      case "dingtalk" -> !throttled() && (code == 310000 || code == 300001 || code == 300005 || code == 460101
          || code == 101002 || code == 400 || code == 403); // OpenAPI v1.0 errors carry the HTTP status as their code
      case "wecom" -> code == 93000 || code == 40058 || code == 60020 || code == 853000 || code == 93019;
      case "feishu" -> code == 19021 || code == 19022 || code == 19024 || code == 19036
          || code == 9499 && !throttled();
      default -> false;
    };
  }
}
