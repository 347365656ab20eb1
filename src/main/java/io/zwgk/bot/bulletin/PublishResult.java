package io.zwgk.bot.bulletin;

import java.util.Objects;

/**
 * What {@link BulletinService#publish} did.
 *
 * @param outcome published now, published before, or refused as incomplete
 * @param bulletin the published bulletin, or the draft when incomplete
 * @param groups broadcast groups the bulletin was queued to by this call
 * @param findingsCreated findings this call added to the tracked items
 */
public record PublishResult(Outcome outcome, Bulletin bulletin, int groups, int findingsCreated) {
  public PublishResult {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(bulletin, "bulletin");
  }

  /** The three answers to 发布. */
  public enum Outcome {
    /** Published now: sent to the broadcast groups, findings tracked. */
    PUBLISHED,
    /** An earlier call published it; nothing was sent. */
    ALREADY_PUBLISHED,
    /** The draft lacks something it must have ({@link Bulletin#missing()}); nothing was published. */
    INCOMPLETE,
    /** No group in {@code chat.yaml} has {@code broadcast: true}, so nobody would receive it; nothing was published. */
    NO_BROADCAST_GROUP
  }
}
