package io.zwgk.bot.chat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import io.zwgk.bot.store.OutboxStore.DeadLetter;

/**
 * {@code GET /api/v1/outbox?state=queued|dead}: what waits in the outbox per robot lane, or the dead letters with
 * their last error, for the office and for operations.
 */
public final class OutboxRoutes {
  private OutboxRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, Outbox store) {
    router.get("/api/v1/outbox").handler(auth).respond(rc -> list(rc, store));
  }

  private static Future<JsonObject> list(RoutingContext rc, Outbox store) {
    String state = rc.queryParams().get("state") == null ? "queued" : rc.queryParams().get("state");
    return switch (state) {
      case "queued" -> Future.all(store.depth(), store.counters()).map(all -> new JsonObject()
          .put("state", "queued").put("lanes", new JsonObject(new java.util.HashMap<>(all.<java.util.Map<String, Long>>resultAt(0))))
          .put("counters", new JsonObject(new java.util.HashMap<>(all.<java.util.Map<String, String>>resultAt(1)))));
      case "dead" -> store.deadLetters(200).map(list -> {
        JsonArray items = new JsonArray();
        list.forEach(d -> items.add(json(d)));
        return new JsonObject().put("state", "dead").put("items", items);
      });
      default -> Future.failedFuture(new ApiException(400, "state 只能是 queued 或 dead (state must be queued or dead)"));
    };
  }

  private static JsonObject json(DeadLetter d) {
    JsonObject entry = new JsonObject().put("id", d.id()).put("lane", d.lane()).put("attempts", d.attempts())
        .put("lastError", d.lastError()).put("deadAt", java.time.Instant.ofEpochMilli(d.deadAt()).toString());
    try {
      OutboxEntry e = OutboxEntry.decode(d.payload());
      entry.put("platform", e.platform()).put("group", e.group()).put("title", e.message().title());
    } catch (IllegalArgumentException ex) {
      entry.put("title", "(unreadable)");
    }
    return entry;
  }
}
