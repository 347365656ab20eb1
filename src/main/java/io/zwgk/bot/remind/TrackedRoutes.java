package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import io.zwgk.bot.stats.ImportRejectedException;
import io.zwgk.bot.stats.ImportSlots;
import io.zwgk.bot.stats.RowProblem;
import io.zwgk.bot.stats.TableFormat;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Admin API of the tracked items: {@code PUT /api/v1/tracked/{kind}} imports a CSV or XLSX table (all rows or
 * none), {@code GET /api/v1/tracked/{kind}[?unit=…]} lists the stored items with their ids. Both need the admin token.
 */
public final class TrackedRoutes {
  static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  private TrackedRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, TrackedImporter importer) {
    router.put("/api/v1/tracked/:kind")
        .handler(auth)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_UPLOAD_BYTES))
        .respond(rc -> importTable(rc, importer));
    router.get("/api/v1/tracked/:kind")
        .handler(auth)
        .respond(rc -> list(rc, importer));
  }

  private static Future<JsonObject> importTable(RoutingContext rc, TrackedImporter importer) {
    TrackedKind kind = kind(rc.pathParam("kind"));
    String contentType = Optional.ofNullable(rc.request().getHeader("content-type")).orElse("");
    if (TableFormat.fromContentType(contentType).isEmpty()) {
      throw new ApiException(415, "只支持 text/csv 或 .xlsx 表格 (unsupported content type)");
    }
    byte[] body = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
    return importer.importTable(Actor.API, kind, body, contentType)
        .map(TrackedImportResult::toJson)
        .recover(e -> Future.failedFuture(e instanceof ImportRejectedException r
            ? new ApiException(400, r.getMessage(), new JsonObject().put("errors", RowProblem.toJson(r.errors())))
            : e instanceof ImportSlots.ImportBusyException ? new ApiException(429, e.getMessage()) : e));
  }

  private static Future<JsonArray> list(RoutingContext rc, TrackedImporter importer) {
    TrackedKind kind = kind(rc.pathParam("kind"));
    Optional<String> unit = Optional.ofNullable(rc.queryParams().get("unit"));
    return importer.list(kind, unit)
        .map(items -> new JsonArray(items.stream().map(TrackedCodec::toJson).collect(Collectors.toList())));
  }

  private static TrackedKind kind(String path) {
    return TrackedKind.fromPath(path).orElseThrow(() -> new ApiException(404, "没有这类跟踪事项，可用："
        + Arrays.stream(TrackedKind.values()).map(k -> k.path() + "（" + k.label() + "）")
            .collect(Collectors.joining("、")) + " (unknown kind)",
        new JsonObject().put("kinds", new JsonArray(Arrays.stream(TrackedKind.values()).map(TrackedKind::path)
            .collect(Collectors.toList())))));
  }
}
