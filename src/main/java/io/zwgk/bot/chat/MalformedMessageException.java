package io.zwgk.bot.chat;

/**
 * An inbound platform payload that cannot be turned into an {@link InboundMessage}: not UTF-8, not JSON, not an object,
 * or missing a required field. The message says what is wrong and never contains the payload itself, so it is safe to
 * log and to map to HTTP 400.
 */
public class MalformedMessageException extends RuntimeException {
  /** A failure described by {@code message}, which must not quote the payload. */
  public MalformedMessageException(String message) {
    super(message);
  }
}
