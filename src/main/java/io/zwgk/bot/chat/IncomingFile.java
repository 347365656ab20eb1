package io.zwgk.bot.chat;

import io.vertx.core.Future;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The file a command request carries, not yet downloaded: the command side decides whether to fetch it at all.
 *
 * @param name the file name as sent
 * @param size the size the platform states, or -1
 * @param fetch downloads at most the given number of bytes ({@link FileDownloader#download})
 */
public record IncomingFile(String name, long size, LongFunction<Future<byte[]>> fetch) {
  public IncomingFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fetch, "fetch");
  }

  /** Downloads the file, failing with {@link FileTooLargeException} past {@code maxBytes}. */
  public Future<byte[]> read(long maxBytes) {
    return fetch.apply(maxBytes);
  }
}
