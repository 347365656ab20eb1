package io.zwgk.bot.chat.wecom;

/**
 * A WeCom callback failed signature verification or decryption. The message is a short reason that never contains the
 * key, the token or message content, so it may be logged; the HTTP layer answers 401/403 or 400.
 */
public final class WeComCryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WeComCryptoException(String reason) {
    super(reason);
  }

  public WeComCryptoException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
