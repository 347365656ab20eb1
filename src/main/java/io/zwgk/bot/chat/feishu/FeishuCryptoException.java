package io.zwgk.bot.chat.feishu;

/**
 * A Feishu event body could not be decrypted. The message is a short reason that never contains the Encrypt Key or
 * message content, so it may be logged; the HTTP layer answers 400.
 */
public final class FeishuCryptoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FeishuCryptoException(String reason) {
    super(reason);
  }

  public FeishuCryptoException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
