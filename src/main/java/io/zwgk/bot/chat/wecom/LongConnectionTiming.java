package io.zwgk.bot.chat.wecom;

import java.time.Duration;
import java.util.Objects;

/**
 * Timers of a 智能机器人 long connection.
 *
 * @param heartbeat interval between {@code ping} commands (the official SDKs use 30 s)
 * @param initialBackoff first reconnect delay
 * @param maxBackoff longest reconnect delay, also used after a bad bot id or secret
 * @param ackTimeout how long WeCom may take to acknowledge a reply (the SDKs' "ack timeout" is 5 s) or to answer the
 *     subscribe
 * @param connectTimeout WebSocket connect and handshake timeout
 */
record LongConnectionTiming(Duration heartbeat, Duration initialBackoff, Duration maxBackoff, Duration ackTimeout,
    Duration connectTimeout) {
  static final LongConnectionTiming DEFAULT = new LongConnectionTiming(Duration.ofSeconds(30), Duration.ofSeconds(1),
      Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10));

  LongConnectionTiming {
    for (Duration d : new Duration[] {heartbeat, initialBackoff, maxBackoff, ackTimeout, connectTimeout}) {
      if (Objects.requireNonNull(d, "duration").isZero() || d.isNegative()) {
        throw new IllegalArgumentException("timings must be positive");
      }
    }
  }
}
