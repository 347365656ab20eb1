package io.zwgk.bot.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.zwgk.bot.store.Redis;

/** {@code GET /health}: 200 only when Redis answers PING, 503 otherwise; JSON either way. */
public final class HealthRoutes {
  private HealthRoutes() {
  }

  public static void mount(Router router, Redis redis) {
    router.get("/health").handler(rc -> redis.ping()
        .onSuccess(pong -> rc.json(new JsonObject().put("status", "UP").put("redis", "UP")))
        .onFailure(e -> rc.response().setStatusCode(503).putHeader("content-type", "application/json")
            .end(new JsonObject().put("status", "DOWN").put("redis", "DOWN")
                .put("message", "Redis 无法连接 (Redis unreachable)").encode())));
  }
}
