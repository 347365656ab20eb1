package io.zwgk.bot.chat;

import java.util.Objects;

/**
 * A chat platform answered a request with an error code ({@code errcode != 0}, {@code code != 0}; see
 * {@link #answered}), or a send could not be attempted ({@link #local}, code {@code -1}, e.g. an expired DingTalk
 * {@code sessionWebhook}). What a code means comes from the platform's own {@link PlatformErrors} table.
 *
 * <p>{@link #message()} is the platform's own error text; {@link #getMessage()} adds platform and code for logs.
 */
public class PlatformException extends RuntimeException {
  private final String platform;
  private final PlatformErrors errors;
  private final int code;
  private final String message;
  private final boolean answered;

  /**
   * A failure the platform's code table classifies; not {@linkplain #answered answered}, so code {@code -1} is a
   * local failure.
   *
   * @param errors the platform's error table, which also names the platform
   * @param code the platform's error code, or {@code -1} for a local failure
   * @param message the platform's error message ({@code errmsg}, {@code msg}), or a local description
   */
  public PlatformException(PlatformErrors errors, int code, String message) {
    this(errors.platform(), errors, code, message, false);
  }

  private PlatformException(String platform, PlatformErrors errors, int code, String message, boolean answered) {
    super(Objects.requireNonNull(platform, "platform") + " error " + code + ": " + message);
    this.platform = platform;
    this.errors = errors;
    this.code = code;
    this.message = message == null ? "" : message;
    this.answered = answered;
  }

  /**
   * The platform answered with this error code. Unlike a local failure, a platform's own {@code -1} (WeCom and
   * DingTalk "系统繁忙, 请稍候再试") is worth retrying.
   */
  public static PlatformException answered(PlatformErrors errors, int code, String message) {
    return new PlatformException(errors.platform(), errors, code, message, true);
  }

  /**
   * A send that could not be attempted (code {@code -1}: nothing to reply through, no such group): permanent, never
   * throttled.
   */
  public static PlatformException local(String platform, String message) {
    return new PlatformException(platform, null, -1, message, false);
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

  /** Whether the platform is rate-limiting the robot, so the send is queued and retried later rather than dropped. */
  public boolean throttled() {
    return errors != null && errors.throttled(code, message);
  }

  /** Whether the platform refused the access token, so the cached token is dropped and the call made again at once. */
  public boolean tokenRejected() {
    return errors != null && errors.tokenRejected(code, message);
  }

  /**
   * Whether retrying cannot help: a local failure, or an answer the platform's table calls permanent. Such a message
   * is dead-lettered at once and reported.
   */
  public boolean permanent() {
    if (code == -1) {
      return !answered;
    }
    return errors != null && errors.permanent(code, message);
  }
}
