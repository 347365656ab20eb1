package io.zwgk.bot.chat.feishu;

import io.zwgk.bot.chat.PlatformException;

/**
 * Feishu's generic OpenAPI frequency control: HTTP 429 (sometimes 400) with code {@code 99991400} "request trigger
 * frequency limit". {@link PlatformException#throttled()} knows only the custom-bot codes (11232, 9499 "too many
 * request"), so this subclass keeps the platform's code and answers {@code throttled() == true}. The message carries
 * the {@code x-ogw-ratelimit-reset} seconds when Feishu sent them.
 */
final class FeishuThrottledException extends PlatformException {
  static final int FREQUENCY_LIMIT = 99991400;
  private static final long serialVersionUID = 1L;

  FeishuThrottledException(int code, String message) {
    super(FeishuResponses.PLATFORM, code, message);
  }

  @Override
  public boolean throttled() {
    return true;
  }

  @Override
  public boolean permanent() {
    return false;
  }
}
