package io.zwgk.bot.stats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Admin API of the statistics feature: {@code PUT /api/v1/stats/{period}[?category=&newUnits=accept]} imports a table,
 * {@code DELETE /api/v1/stats/{period}[?category=]} removes a month's figures; {@code GET /api/v1/units} lists the
 * units that exist only because an import created them, {@code GET/DELETE /api/v1/units/{name}} shows or removes one.
 */
public final class StatsRoutes {
  static final int MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

  private StatsRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, StatsImporter importer) {
    router.put("/api/v1/stats/:period")
        .handler(auth)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_UPLOAD_BYTES))
        .respond(rc -> importTable(rc, importer));
    router.delete("/api/v1/stats/:period").handler(auth).respond(rc -> removePeriod(rc, importer));
    router.get("/api/v1/units").handler(auth).respond(rc -> importer.importOnly().map(StatsRoutes::unitsJson));
    router.get("/api/v1/units/:name").handler(auth).respond(rc -> unit(rc, importer));
    router.delete("/api/v1/units/:name").handler(auth).respond(rc -> removeUnit(rc, importer));
  }

  private static Future<JsonObject> importTable(RoutingContext rc, StatsImporter importer) {
    YearMonth period = Periods.parse(rc.pathParam("period"));
    Optional<Category> category = category(rc.queryParams().get("category"));
    boolean acceptNew = acceptNew(rc.queryParams().get("newUnits"));
    String contentType = Optional.ofNullable(rc.request().getHeader("content-type")).orElse("");
    if (TableFormat.fromContentType(contentType).isEmpty()) {
      throw new ApiException(415, "只支持 text/csv 或 .xlsx 表格 (unsupported content type)");
    }
    byte[] body = rc.body().buffer() == null ? new byte[0] : rc.body().buffer().getBytes();
    return importer.importTable(Actor.API, period, body, contentType, category, acceptNew)
        .map(ImportResult::toJson)
        .recover(e -> Future.failedFuture(e instanceof ImportRejectedException r
            ? new ApiException(400, r.getMessage(), new JsonObject().put("errors", RowProblem.toJson(r.errors())))
            : e instanceof ImportSlots.ImportBusyException ? new ApiException(429, e.getMessage()) : e));
  }

  private static Future<JsonObject> removePeriod(RoutingContext rc, StatsImporter importer) {
    YearMonth period = Periods.parse(rc.pathParam("period"));
    Optional<Category> category = category(rc.queryParams().get("category"));
    return importer.removePeriod(Actor.API, period, category).map(n -> new JsonObject().put("period", period.toString())
        .put("category", category.map(Category::label).orElse(null)).put("removedRows", n));
  }

  private static Future<JsonObject> unit(RoutingContext rc, StatsImporter importer) {
    String name = rc.pathParam("name");
    return importer.importOnly().map(units -> units.stream().filter(u -> u.name().equals(name)).findFirst()
        .map(StatsRoutes::unitJson).orElseThrow(() -> notImportOnly(importer, name)));
  }

  private static Future<JsonObject> removeUnit(RoutingContext rc, StatsImporter importer) {
    String name = rc.pathParam("name");
    if (importer.isConfigured(name)) {
      throw notImportOnly(importer, name);
    }
    return importer.removeImportedUnit(Actor.API, name).map(months -> new JsonObject().put("unit", name)
        .put("removedMonths", new JsonArray(months.orElseThrow(() -> notImportOnly(importer, name)))));
  }

  private static ApiException notImportOnly(StatsImporter importer, String name) {
    String shown = UnitNameRule.shown(name);
    return importer.isConfigured(name)
        ? new ApiException(409, "“" + shown + "”是 bot-config/units.yaml 中配置的单位，不能在这里删除 (a configured unit)")
        : new ApiException(404, "没有由导入新增的单位“" + shown + "” (no unit created by an import has this name)");
  }

  private static JsonObject unitsJson(List<Unit> units) {
    JsonArray array = new JsonArray();
    units.forEach(u -> array.add(unitJson(u)));
    return new JsonObject().put("units", array);
  }

  private static JsonObject unitJson(Unit unit) {
    return new JsonObject().put("name", unit.name()).put("category", unit.category().label());
  }

  private static boolean acceptNew(String text) {
    if (text == null || text.isBlank() || text.strip().equals("reject")) {
      return false;
    }
    if (text.strip().equals("accept")) {
      return true;
    }
    throw new ApiException(400, "newUnits 只能是 accept (newUnits must be accept)");
  }

  private static Optional<Category> category(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Category.parse(text).orElseThrow(
        () -> new ApiException(400, "类别只能是 县直单位 或 乡镇 (category must be 县直单位 or 乡镇)")));
  }
}
