package io.zwgk.bot.command;

import io.zwgk.bot.stats.PeriodStats;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Replies rendered from the latest month's statistics, kept while that month's copy is current. A statistics reply is
 * a pure function of the copy, and the store hands out the same copy until the figures change, so each reply is
 * rendered (rankings sort every unit) once per copy instead of once per message. A new copy starts afresh, so at most
 * one reply per command and unit is kept. Thread-safe.
 */
final class RenderedReplies {
  private volatile Rendered current = new Rendered(null, new ConcurrentHashMap<>());

  private record Rendered(PeriodStats stats, Map<Object, String> texts) {
  }

  /** The reply {@code key} (a command, or a unit's completion) for {@code stats}, rendered on first use. */
  String get(PeriodStats stats, Object key, Function<PeriodStats, String> render) {
    Rendered rendered = current;
    if (rendered.stats() != stats) {
      rendered = new Rendered(stats, new ConcurrentHashMap<>());
      current = rendered;
    }
    return rendered.texts().computeIfAbsent(key, k -> render.apply(stats));
  }
}
