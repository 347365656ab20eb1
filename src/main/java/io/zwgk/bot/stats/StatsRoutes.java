package io.zwgk.bot.stats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import java.time.YearMonth;
import java.util.Optional;

/** Admin API of the statistics feature: {@code PUT /api/v1/stats/{period}} imports a table. */
public final class StatsRoutes {
  static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  private StatsRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, StatsImporter importer) {
    router.put("/api/v1/stats/:period")
        .handler(auth)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_UPLOAD_BYTES))
        .respond(rc -> importTable(rc, importer));
  }

  private static Future<JsonObject> importTable(RoutingContext rc, StatsImporter importer) {
    YearMonth period = Periods.parse(rc.pathParam("period"));
    Optional<Category> category = category(rc.queryParams().get("category"));
    String contentType = Optional.ofNullable(rc.request().getHeader("content-type")).orElse("");
    if (TableFormat.fromContentType(contentType).isEmpty()) {
      throw new ApiException(415, "只支持 text/csv 或 .xlsx 表格 (unsupported content type)");
    }
    byte[] body = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
    return importer.importTable(period, body, contentType, category)
        .map(ImportResult::toJson)
        .recover(e -> Future.failedFuture(e instanceof ImportRejectedException r
            ? new ApiException(400, r.getMessage(), new JsonObject().put("errors", RowProblem.toJson(r.errors())))
            : e instanceof ImportSlots.ImportBusyException ? new ApiException(429, e.getMessage()) : e));
  }

  private static Optional<Category> category(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Category.parse(text).orElseThrow(
        () -> new ApiException(400, "类别只能是 县直单位 或 乡镇 (category must be 县直单位 or 乡镇)")));
  }
}
