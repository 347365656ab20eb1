package io.zwgk.bot.monitor;

import io.vertx.core.json.JsonObject;
import io.zwgk.bot.remind.TrackedCodec;
import io.zwgk.bot.remind.TrackedItem.Finding;
import java.util.Objects;
import java.util.Optional;

/** A finding with the monitor's evidence, when the monitor has any. */
public record FindingView(Finding finding, Optional<Evidence> evidence) {
  public FindingView {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(evidence, "evidence");
  }

  /** The finding as the tracked API shows it, plus {@code evidence} (null when there is none). */
  public JsonObject toJson() {
    return TrackedCodec.toJson(finding).put("evidence", evidence.map(Evidence::toJson).orElse(null));
  }
}
