package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admin API of the site monitor: {@code POST /api/v1/monitor/run[?unit=…]} runs a scan and answers its report (409
 * while another run is in progress, 404 for a unit with nothing to scan, 504 when the run passed its deadline); {@code GET /api/v1/findings[?unit=…]
 * [&state=open,returned]} lists findings with the monitor's evidence. Both need the admin token.
 */
public final class MonitorRoutes {
  private MonitorRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, MonitorService monitor) {
    router.post("/api/v1/monitor/run").handler(auth).respond(rc -> run(rc, monitor));
    router.get("/api/v1/findings").handler(auth).respond(rc -> findings(rc, monitor));
  }

  private static Future<JsonObject> run(RoutingContext rc, MonitorService monitor) {
    return monitor.run(Actor.API, param(rc, "unit")).map(MonitorReport::toJson).recover(e -> Future.failedFuture(
        e instanceof MonitorBusyException ? new ApiException(409, e.getMessage())
            : e instanceof IllegalArgumentException ? new ApiException(404, e.getMessage())
            : e instanceof MonitorDeadlineException ? new ApiException(504, e.getMessage()) : e));
  }

  private static Future<JsonArray> findings(RoutingContext rc, MonitorService monitor) {
    Set<FindingState> states = states(param(rc, "state"));
    return monitor.findings(param(rc, "unit"), states)
        .map(list -> new JsonArray(list.stream().map(FindingView::toJson).collect(Collectors.toList())));
  }

  private static Set<FindingState> states(Optional<String> text) {
    if (text.isEmpty() || text.get().equalsIgnoreCase("all")) {
      return Set.of();
    }
    Set<FindingState> states = EnumSet.noneOf(FindingState.class);
    for (String name : text.get().split(",")) {
      states.add(Arrays.stream(FindingState.values())
          .filter(s -> s.name().equals(name.strip().toUpperCase(Locale.ROOT))).findFirst()
          .orElseThrow(() -> new ApiException(400, "state 只能是 open、submitted、returned、closed 或 all，可用逗号分隔 "
              + "(unknown state: " + name.strip() + ")")));
    }
    return states;
  }

  private static Optional<String> param(RoutingContext rc, String name) {
    return Optional.ofNullable(rc.queryParams().get(name)).map(String::strip).filter(s -> !s.isEmpty());
  }
}
