package io.zwgk.bot.store;

/**
 * The bindings' Lua scripts: the hash (user → unit) and the per-unit sets (unit → users) change in one script, so
 * they never disagree. Set keys are the prefix passed in plus the unit, so a standalone or Sentinel-managed Redis is
 * needed (not Cluster), as for the outbox.
 */
final class BindingScripts {
  private BindingScripts() {
  }

  /** KEYS: hash. ARGV: user, unit, set prefix. Moves the user from the old unit's set to the new one's. */
  static final Script BIND = Script.of("""
      local old = redis.call('HGET', KEYS[1], ARGV[1])
      if old then redis.call('SREM', ARGV[3] .. old, ARGV[1]) end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      redis.call('SADD', ARGV[3] .. ARGV[2], ARGV[1])
      return 1
      """);

  /** KEYS: hash. ARGV: user, set prefix. Returns 1 when a binding was removed. */
  static final Script UNBIND = Script.of("""
      local old = redis.call('HGET', KEYS[1], ARGV[1])
      if not old then return 0 end
      redis.call('HDEL', KEYS[1], ARGV[1])
      redis.call('SREM', ARGV[2] .. old, ARGV[1])
      return 1
      """);

  /**
   * KEYS: hash, indexed marker. ARGV: set prefix, then units. Builds the sets from the hash the first time (bindings
   * made before the sets existed), then returns unit, user pairs for the units asked.
   */
  static final Script USERS = Script.of("""
      if redis.call('EXISTS', KEYS[2]) == 0 then
        local all = redis.call('HGETALL', KEYS[1])
        for i = 1, #all, 2 do redis.call('SADD', ARGV[1] .. all[i + 1], all[i]) end
        redis.call('SET', KEYS[2], '1')
      end
      local out = {}
      for i = 2, #ARGV do
        for _, user in ipairs(redis.call('SMEMBERS', ARGV[1] .. ARGV[i])) do
          table.insert(out, ARGV[i])
          table.insert(out, user)
        end
      end
      return out
      """);
}
