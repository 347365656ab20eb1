package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** How a platform fetches the file attached to a message it delivered: its own API, its own hosts, its own crypto. */
@FunctionalInterface
public interface FileDownloader {
  /** For a platform that has no file downloads. */
  FileDownloader NONE = (message, file, maxBytes) -> Future.failedFuture(
      new UnsupportedOperationException(message.platform() + " file downloads are not supported"));

  /**
   * The file's bytes (decrypted where the platform encrypts them).
   *
   * @return a future failed with {@link FileTooLargeException} as soon as more than {@code maxBytes} arrive or are
   *     announced, with {@link PlatformException} when the platform refuses, or with an {@link IllegalStateException}
   *     when the platform points to a host that is not its own
   */
  Future<Buffer> download(InboundMessage message, Attachment file, long maxBytes);
}
