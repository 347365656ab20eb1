package io.zwgk.bot.store;

import io.lettuce.core.ScriptOutputType;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which unit each chat user speaks for, per platform user id, so {@code 我的…} commands know the unit; and, read
 * backwards, who speaks for a unit, so a broadcast can @ them. Both directions change together in one Lua script.
 */
public final class BindingStore {
  private final Redis redis;

  public BindingStore(Redis redis) {
    this.redis = redis;
  }

  public Future<Optional<String>> unitOf(String platform, String userId) {
    return redis.call(c -> c.hget(Keys.bindings(platform), userId)).map(Optional::ofNullable);
  }

  /** Binds the user to {@code unit}, in place of any unit it was bound to. */
  public Future<Void> bind(String platform, String userId, String unit) {
    return redis.<Long>eval(BindingScripts.BIND, ScriptOutputType.INTEGER, new String[] {Keys.bindings(platform)},
        userId, unit, Keys.boundUsers(platform)).mapEmpty();
  }

  /** True when a binding was removed. */
  public Future<Boolean> unbind(String platform, String userId) {
    return redis.<Long>eval(BindingScripts.UNBIND, ScriptOutputType.INTEGER, new String[] {Keys.bindings(platform)},
        userId, Keys.boundUsers(platform)).map(n -> n > 0);
  }

  /** The platform's users bound to each of {@code units}, sorted; a unit nobody is bound to is left out. */
  public Future<Map<String, List<String>>> usersOf(String platform, Collection<String> units) {
    if (units.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<String> args = new ArrayList<>(List.of(Keys.boundUsers(platform)));
    args.addAll(new LinkedHashSet<>(units));
    String[] keys = {Keys.bindings(platform), Keys.boundUsersIndexed(platform)};
    return redis.<List<Object>>eval(BindingScripts.USERS, ScriptOutputType.MULTI, keys, args.toArray(String[]::new))
        .map(BindingStore::byUnit);
  }

  private static Map<String, List<String>> byUnit(List<Object> pairs) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < pairs.size(); i += 2) {
      out.computeIfAbsent((String) pairs.get(i), k -> new ArrayList<>()).add((String) pairs.get(i + 1));
    }
    out.replaceAll((unit, users) -> users.stream().sorted().toList());
    return out;
  }
}
