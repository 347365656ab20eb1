package io.zwgk.bot.ops;

import java.util.regex.Pattern;

/**
 * Error texts made safe to log, store and show: the credentials that outbound URLs carry (a WeCom webhook {@code key},
 * a DingTalk {@code access_token}/{@code sign}/{@code session}, a Feishu custom-bot hook token) are masked. Vert.x
 * puts the full request URI into a timeout's message, so a cause's message must pass through here before it goes
 * anywhere.
 */
public final class SafeText {
  private static final String MASK = "******";
  private static final Pattern QUERY_SECRET = Pattern.compile(
      "(?i)([?&](?:key|access_token|accesstoken|sign|session|token|secret|app_secret|appsecret)=)[^&\\s\"']+");
  private static final Pattern HOOK_PATH = Pattern.compile("(/open-apis/bot/v2/hook/)[^/?\\s\"']+");

  private SafeText() {
  }

  /** The cause's message with credentials masked; its class name when it has no message. */
  public static String of(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : redact(message);
  }

  /** {@code text} with every URL credential masked. */
  public static String redact(String text) {
    String masked = QUERY_SECRET.matcher(text).replaceAll("$1" + MASK);
    return HOOK_PATH.matcher(masked).replaceAll("$1" + MASK);
  }
}
