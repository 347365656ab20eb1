package io.zwgk.bot.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.zwgk.bot.access.AccessDeniedException;
import io.zwgk.bot.store.RedisUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers: {@code {status, message}} JSON, 5xx logged once with the cause,
 * no stack traces to clients. Redis being unreachable ({@link RedisUnavailableException}) is 503.
 */
public final class ErrorMapping {
  private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {
  }

  /** Installs the failure handler on every route and the handler for unmatched paths. */
  public static void install(Router router) {
    router.route().failureHandler(ErrorMapping::handle);
    router.errorHandler(404, rc -> respond(rc, 404, "没有这个地址 (no such path)"));
    router.errorHandler(405, rc -> respond(rc, 405, "不支持此请求方法 (method not allowed)"));
  }

  private static void handle(RoutingContext rc) {
    Throwable failure = rc.failure();
    int status = status(rc, failure);
    String message = message(status, failure);
    if (status == 503 && RedisUnavailableException.in(failure)) {
      log.warn("{} {} failed with 503: {}", rc.request().method(), rc.request().path(), failure.getMessage());
    } else if (status >= 500) {
      log.error("{} {} failed with {}", rc.request().method(), rc.request().path(), status, failure);
    }
    JsonObject body = new JsonObject().put("status", status).put("message", message);
    if (failure instanceof ApiException e && e.details() != null) {
      body.mergeIn(e.details());
    }
    respond(rc, status, body);
  }

  private static int status(RoutingContext rc, Throwable failure) {
    if (failure instanceof HttpException e) {
      return e.getStatusCode();
    }
    if (failure instanceof ApiException e) {
      return e.status();
    }
    if (failure instanceof AccessDeniedException) {
      return 403;
    }
    if (failure instanceof IllegalArgumentException) {
      return 400;
    }
    if (RedisUnavailableException.in(failure)) {
      return 503;
    }
    return rc.statusCode() > 0 && failure == null ? rc.statusCode() : 500;
  }

  private static String message(int status, Throwable failure) {
    if (failure instanceof ApiException e) {
      return e.getMessage();
    }
    if (failure instanceof HttpException e && e.getPayload() != null) {
      return e.getPayload();
    }
    if (failure instanceof IllegalArgumentException e && e.getMessage() != null) {
      return e.getMessage();
    }
    return switch (status) {
      case 400 -> "请求格式不正确 (bad request)";
      case 401 -> "签名或令牌无效 (unauthorized)";
      case 403 -> "无权进行此操作 (forbidden)";
      case 413 -> "请求内容过大 (body too large)";
      case 503 -> RedisUnavailableException.in(failure) ? "数据服务暂不可用，请稍后再试 (data store unavailable)"
          : "服务暂时不可用 (unavailable)";
      default -> status >= 500 ? "服务内部错误 (internal error)" : "请求失败";
    };
  }

  static void respond(RoutingContext rc, int status, String message) {
    respond(rc, status, new JsonObject().put("status", status).put("message", message));
  }

  private static void respond(RoutingContext rc, int status, JsonObject body) {
    if (rc.response().ended()) {
      return;
    }
    rc.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
        .end(body.encode());
  }
}
