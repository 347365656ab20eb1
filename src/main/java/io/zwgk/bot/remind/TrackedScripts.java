package io.zwgk.bot.remind;

import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.Script;
/**
 * The tracked items' Lua scripts. Each runs atomically in Redis; the upsert reads and checks everything before its
 * first write, so a script error leaves the data as it was.
 */
final class TrackedScripts {
  private TrackedScripts() {
  }

  /**
   * KEYS: item hash, natural-key index, id counter. ARGV: k, k kept field names, then naturalKey, json pairs.
   * Returns id, created (1/0), stored json for each pair, in order.
   */
  static final Script UPSERT = Script.of("""
      local k = tonumber(ARGV[1])
      redis.call('HLEN', KEYS[1])
      local ids, jsons, fresh = {}, {}, 0
      for i = k + 2, #ARGV, 2 do
        local id, json = redis.call('HGET', KEYS[2], ARGV[i]), ARGV[i + 1]
        if id and k > 0 then
          local old = redis.call('HGET', KEYS[1], id)
          if old then
            local prev, item = cjson.decode(old), cjson.decode(json)
            for f = 2, k + 1 do item[ARGV[f]] = prev[ARGV[f]] end
            json = cjson.encode(item)
          end
        end
        if not id then fresh = fresh + 1 end
        ids[#ids + 1] = id
        jsons[#jsons + 1] = json
      end
      local seq = redis.call('INCRBY', KEYS[3], fresh) - fresh
      local out = {}
      for n = 1, #jsons do
        local id, created = ids[n], 0
        if not id then
          seq = seq + 1
          id, created = tostring(seq), 1
          redis.call('HSET', KEYS[2], ARGV[k + 2 * n], id)
        end
        redis.call('HSET', KEYS[1], id, jsons[n])
        out[#out + 1] = id
        out[#out + 1] = created
        out[#out + 1] = jsons[n]
      end
      return out
      """);

  /** KEYS: item hash, natural-key index. ARGV: id, naturalKey, json. Returns 1 saved, 0 no such id, -1 key moved. */
  static final Script SAVE = Script.of("""
      if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
      if redis.call('HGET', KEYS[2], ARGV[2]) ~= ARGV[1] then return -1 end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
      return 1
      """);

  /** KEYS: every kind's item hash. ARGV: id. Returns the 1-based index of the hash holding it and the json, or {}. */
  static final Script FIND = Script.of("""
      for i = 1, #KEYS do
        local json = redis.call('HGET', KEYS[i], ARGV[1])
        if json then return {i, json} end
      end
      return {}
      """);
}
