package io.zwgk.bot.chat.wecom;

import io.zwgk.bot.chat.PlatformErrors;

/** WeCom's error codes: the {@link PlatformErrors} of every WeCom {@link io.zwgk.bot.chat.PlatformException}. */
final class WeComApiErrors implements PlatformErrors {
  /** The one instance. */
  static final WeComApiErrors TABLE = new WeComApiErrors();

  private WeComApiErrors() {
  }

  @Override
  public String platform() {
    return WeComMessageDecoder.PLATFORM;
  }

  /** 45009: api freq out of limit (group robots: 20 a minute). */
  @Override
  public boolean throttled(int code, String message) {
    return code == 45009;
  }

  /** 42001 access_token expired, 40014 invalid access_token. */
  @Override
  public boolean tokenRejected(int code, String message) {
    return code == 42001 || code == 40014;
  }

  /**
   * 93000 invalid webhook url, 40058 body too large, 60020 IP not allowed, 853000 / 93019 bad bot id or secret.
   */
  @Override
  public boolean permanent(int code, String message) {
    return code == 93000 || code == 40058 || code == 60020 || code == 853000 || code == 93019;
  }
}
