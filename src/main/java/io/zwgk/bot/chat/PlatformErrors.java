package io.zwgk.bot.chat;

/**
 * One platform's table of error codes, supplied by its package ({@code chat/dingtalk}, {@code chat/wecom},
 * {@code chat/feishu}) and read through {@link PlatformException}: which of the codes the platform answers with mean
 * "too fast", "token no longer valid" or "retrying cannot help".
 */
public interface PlatformErrors {
  /** {@code dingtalk}, {@code wecom} or {@code feishu}. */
  String platform();

  /** The platform is rate-limiting the robot: rest it and retry later. */
  boolean throttled(int code, String message);

  /** The platform refused the access token as invalid or expired: drop the cached token and call again. */
  boolean tokenRejected(int code, String message);

  /** The platform answered with an error retrying cannot cure (configuration, refused body, channel gone). */
  boolean permanent(int code, String message);
}
