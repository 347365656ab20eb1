package io.zwgk.bot.store;

/**
 * Redis could not be reached: not connected, the connection was lost, or a command timed out. Every store future
 * fails with this (and only then) when the cause is the connection rather than the data, so callers can tell "the
 * data service is down" (chat: 数据服务暂不可用, admin API: 503) from a bug or bad data.
 */
public final class RedisUnavailableException extends RuntimeException {
  RedisUnavailableException(Throwable cause) {
    super("Redis unreachable: " + cause.getMessage(), cause);
  }

  /** Whether {@code failure} or one of its causes is Redis being unreachable. */
  public static boolean in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RedisUnavailableException) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }
}
