package io.zwgk.bot.chat;

/** A file to download is larger than the caller allows; the download was stopped. */
public final class FileTooLargeException extends RuntimeException {
  private final long maxBytes;

  public FileTooLargeException(long maxBytes) {
    super("file larger than " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }
}
