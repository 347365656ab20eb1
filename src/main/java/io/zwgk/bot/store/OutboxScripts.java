package io.zwgk.bot.store;

/**
 * The outbox's Lua scripts. Each runs atomically in Redis. Lane and message keys are derived inside the scripts from
 * the prefixes passed in, so the outbox needs a standalone or Sentinel-managed Redis (not Cluster).
 */
final class OutboxScripts {
  private OutboxScripts() {
  }

  /** KEYS: idem, lane list, lanes. ARGV: lane, now, idemTtl, msgPrefix, ids csv, then id, payload pairs. */
  static final Script ENQUEUE = Script.of("""
      if not redis.call('SET', KEYS[1], ARGV[5], 'NX', 'EX', ARGV[3]) then return 0 end
      for i = 6, #ARGV, 2 do
        redis.call('HSET', ARGV[4] .. ARGV[i], 'lane', ARGV[1], 'payload', ARGV[i + 1], 'attempts', 0,
          'created', ARGV[2], 'state', 'queued')
        redis.call('RPUSH', KEYS[2], ARGV[i])
      end
      redis.call('ZADD', KEYS[3], 'NX', ARGV[2], ARGV[1])
      return 1
      """);

  /** KEYS: lanes. ARGV: now, leaseUntil, limit, lanePrefix, msgPrefix. Returns lane, id, payload, attempts, … */
  static final Script CLAIM = Script.of("""
      local lanes = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
      local out = {}
      for _, lane in ipairs(lanes) do
        local id = redis.call('LINDEX', ARGV[4] .. lane, 0)
        if not id then
          redis.call('ZREM', KEYS[1], lane)
        else
          redis.call('ZADD', KEYS[1], ARGV[2], lane)
          local h = redis.call('HMGET', ARGV[5] .. id, 'payload', 'attempts')
          table.insert(out, lane)
          table.insert(out, id)
          table.insert(out, h[1] or '')
          table.insert(out, h[2] or '0')
        end
      end
      return out
      """);

  /** KEYS: lane list, lanes, msg, counters. ARGV: id, lane, nextAt. */
  static final Script DELIVERED = Script.of("""
      if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then redis.call('LPOP', KEYS[1]) end
      redis.call('DEL', KEYS[3])
      redis.call('HINCRBY', KEYS[4], 'sent', 1)
      if redis.call('LLEN', KEYS[1]) == 0 then
        redis.call('ZREM', KEYS[2], ARGV[2])
      else
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
      end
      return 1
      """);

  /** KEYS: lanes, msg, counters. ARGV: lane, nextAt, failed (0/1), error. */
  static final Script RESCHEDULE = Script.of("""
      redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
      if ARGV[3] == '1' then
        redis.call('HINCRBY', KEYS[2], 'attempts', 1)
        redis.call('HSET', KEYS[2], 'lastError', ARGV[4])
        redis.call('HINCRBY', KEYS[3], 'retries', 1)
      end
      return 1
      """);

  /** KEYS: lane list, lanes, msg, dead, counters. ARGV: id, lane, now, error. */
  static final Script DEAD = Script.of("""
      if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then redis.call('LPOP', KEYS[1]) end
      redis.call('HINCRBY', KEYS[3], 'attempts', 1)
      redis.call('HSET', KEYS[3], 'state', 'dead', 'lastError', ARGV[4], 'deadAt', ARGV[3])
      redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
      redis.call('HINCRBY', KEYS[5], 'dead', 1)
      if redis.call('LLEN', KEYS[1]) == 0 then
        redis.call('ZREM', KEYS[2], ARGV[2])
      else
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
      end
      return 1
      """);

  /** KEYS: lanes, dead. ARGV: lanePrefix, msgPrefix. Returns messages waiting, oldest head's created (-1), dead. */
  static final Script BACKLOG = Script.of("""
      local total = 0
      local oldest = -1
      for _, lane in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
        total = total + redis.call('LLEN', ARGV[1] .. lane)
        local head = redis.call('LINDEX', ARGV[1] .. lane, 0)
        if head then
          local created = tonumber(redis.call('HGET', ARGV[2] .. head, 'created'))
          if created and (oldest < 0 or created < oldest) then oldest = created end
        end
      end
      return {total, oldest, redis.call('ZCARD', KEYS[2])}
      """);
}
