package io.zwgk.bot.store;

/**
 * Lua scripts of the sliding-window send budgets ({@link RateLimitStore}, and the sender budget drawn by
 * {@link DedupeStore#claim}). A budget is a sorted set of sends scored by the time they count from.
 */
final class RateScripts {
  private RateScripts() {
  }

  /**
   * A Lua function for the scripts here and in {@link DedupeStore}: in the rate log {@code key}, with window-ms, max
   * pairs from {@code ARGV[first]} on, answers 0 and records {@code member} at {@code now} when every window has room,
   * else the milliseconds to wait (nothing recorded).
   */
  static final String RESERVE_FUNCTION = """
      local function reserve(key, now, member, first)
        local longest = 0
        for i = first, #ARGV, 2 do longest = math.max(longest, tonumber(ARGV[i])) end
        redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
        local wait = 0
        for i = first, #ARGV, 2 do
          local window = tonumber(ARGV[i])
          local max = tonumber(ARGV[i + 1])
          local sent = redis.call('ZRANGEBYSCORE', key, '(' .. (now - window), '+inf', 'WITHSCORES')
          local count = #sent / 2
          if count >= max then
            local oldest = tonumber(sent[(count - max) * 2 + 2])
            wait = math.max(wait, oldest + window - now)
          end
        end
        if wait == 0 then
          redis.call('ZADD', key, now, member)
          redis.call('PEXPIRE', key, longest)
        end
        return wait
      end
      """;

  /** KEYS: rate log. ARGV: now, member, then window-ms, max pairs. See {@link #RESERVE_FUNCTION}. */
  static final Script RESERVE =
      Script.of(RESERVE_FUNCTION + "return reserve(KEYS[1], tonumber(ARGV[1]), ARGV[2], 3)\n");

  /** KEYS: rate log. ARGV: member, answered-at, longest window (ms). Moves a recorded send to when it was answered. */
  static final Script SETTLE = Script.of("""
      if redis.call('ZSCORE', KEYS[1], ARGV[1]) then
        redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
      end
      return 0
      """);
}
