package io.zwgk.bot.chat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one inbound path of every webhook and long connection: the platform decodes and verifies a delivery, then this
 * claims the message id (a redelivery is acknowledged but never answered again), acknowledges the delivery through
 * the platform's {@link Acknowledger}, and only then processes the first delivery through {@link ChatService}, which
 * answers through the platform's {@link ReplyChannel}.
 */
public final class InboundPipeline {
  private static final Logger log = LoggerFactory.getLogger(InboundPipeline.class);

  /** A platform's decoding of one verified delivery. */
  @FunctionalInterface
  public interface Decoder {
    /**
     * The message the delivery carries, or empty when it carries none to answer (an event, a stream refresh).
     *
     * @throws MalformedMessageException if the delivery cannot be read or is not meant for this robot
     */
    Optional<InboundMessage> decode();
  }

  /** How a platform's entry point answers the delivery itself (an HTTP response, a frame), never the user. */
  public interface Acknowledger {
    /** For a long connection whose frames are acknowledged on arrival, or that has nothing to acknowledge. */
    Acknowledger NONE = of(first -> { }, cause -> { });

    /**
     * The delivery was taken: {@code first} is false for a redelivery and for a delivery without a message. Called
     * before the message is processed.
     */
    void acknowledge(boolean first);

    /** The platform's decoder refused the delivery; nothing was claimed or processed. */
    void refuse(MalformedMessageException cause);

    /** The acknowledger made of its two answers. */
    static Acknowledger of(Consumer<Boolean> acknowledge, Consumer<MalformedMessageException> refuse) {
      return new Acknowledger() {
        @Override
        public void acknowledge(boolean first) {
          acknowledge.accept(first);
        }

        @Override
        public void refuse(MalformedMessageException cause) {
          refuse.accept(cause);
        }
      };
    }
  }

  private final ChatService chat;

  public InboundPipeline(ChatService chat) {
    this.chat = chat;
  }

  /**
   * Decodes the delivery, then {@linkplain #accept accepts} its message; a delivery without a message is only
   * acknowledged, a malformed one only refused. Never fails.
   */
  public Future<Void> receive(Decoder decoder, Acknowledger ack) {
    Optional<InboundMessage> message;
    try {
      message = decoder.decode();
    } catch (MalformedMessageException e) {
      ack.refuse(e);
      return Future.succeededFuture();
    }
    if (message.isEmpty()) {
      ack.acknowledge(false);
      return Future.succeededFuture();
    }
    return accept(message.get(), ack);
  }

  /**
   * Claims a decoded, verified message, acknowledges the delivery, then processes the first delivery (the reply
   * included); completes when processing has. Never fails.
   */
  public Future<Void> accept(InboundMessage message, Acknowledger ack) {
    return chat.claim(message).compose(claim -> {
      ack.acknowledge(claim.first());
      if (!claim.first()) {
        log.debug("{} message {} already claimed", message.platform(), message.messageId());
        return Future.succeededFuture();
      }
      return chat.process(message, claim);
    });
  }

  /**
   * Verification help for platforms that sign only headers: claims the one use of a verified signature of
   * {@code robot} for {@code ttl}; true the first time, false for a replay; fails when Redis cannot be reached.
   */
  public Future<Boolean> claimSignature(String platform, String robot, String signature, Duration ttl) {
    return chat.claimSignature(platform, robot, signature, ttl);
  }
}
