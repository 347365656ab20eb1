package io.zwgk.bot.chat.feishu;

import io.zwgk.bot.chat.PlatformErrors;
import java.util.Locale;

/** Feishu's error codes: the {@link PlatformErrors} of every Feishu {@link io.zwgk.bot.chat.PlatformException}. */
final class FeishuApiErrors implements PlatformErrors {
  /** The one instance. */
  static final FeishuApiErrors TABLE = new FeishuApiErrors();

  private FeishuApiErrors() {
  }

  @Override
  public String platform() {
    return FeishuResponses.PLATFORM;
  }

  /** 11232 rate control, 99991400 frequency limit, HTTP 429, and 9499 when it says "too many request". */
  @Override
  public boolean throttled(int code, String message) {
    return code == 11232 || code == FeishuResponses.FREQUENCY_LIMIT || code == 429
        || code == 9499 && message.toLowerCase(Locale.ROOT).contains("too many request");
  }

  /** 99991663 invalid and 99991668 expired tenant access token. */
  @Override
  public boolean tokenRejected(int code, String message) {
    return code == 99991663 || code == 99991668;
  }

  /** 19021 sign, 19022 IP, 19024 keyword, 19036 bot gone, and any other 9499 (bad request). */
  @Override
  public boolean permanent(int code, String message) {
    return code == 19021 || code == 19022 || code == 19024 || code == 19036
        || code == 9499 && !throttled(code, message);
  }
}
