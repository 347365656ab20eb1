package io.zwgk.bot.monitor;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * What the monitor saw of one finding, kept beside it (the finding record has no room for it), keyed by the finding's
 * natural key. Personal numbers appear only masked.
 *
 * @param url the page the problem was last seen on
 * @param excerpt what the page showed: link text and status, the masked sentence, the guide's line
 * @param firstSeen when a run first saw it
 * @param lastSeen when a run last saw it
 */
public record Evidence(String url, String excerpt, Instant firstSeen, Instant lastSeen) {
  public Evidence {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
  }

  public JsonObject toJson() {
    return new JsonObject().put("url", url).put("excerpt", excerpt).put("firstSeen", firstSeen.toString())
        .put("lastSeen", lastSeen.toString());
  }

  /** @throws IllegalArgumentException when the JSON is not evidence */
  public static Evidence fromJson(String json) {
    try {
      JsonObject o = new JsonObject(json);
      return new Evidence(o.getString("url"), o.getString("excerpt"), Instant.parse(o.getString("firstSeen")),
          Instant.parse(o.getString("lastSeen")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not monitor evidence: " + e.getMessage(), e);
    }
  }
}
