package io.zwgk.bot.remind;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import io.zwgk.bot.remind.ReminderRules.Schedule;
import io.zwgk.bot.remind.ReminderService.Plan;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/v1/reminders/preview?at=<ISO date-time>[&schedule=]}: the digests a run at that moment would send,
 * sending nothing. {@code POST /api/v1/reminders/run[?schedule=]}: runs the schedules now (each once per minute).
 * Both take the admin token.
 */
public final class ReminderRoutes {
  private ReminderRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, ReminderService service, Clock clock) {
    router.get("/api/v1/reminders/preview").handler(auth).respond(rc -> preview(rc, service));
    router.post("/api/v1/reminders/run").handler(auth).respond(rc -> run(rc, service, clock));
  }

  private static Future<JsonObject> preview(RoutingContext rc, ReminderService service) {
    ZonedDateTime at = at(rc.queryParams().get("at"), service);
    return Future.all(schedules(rc, service).stream().map(s -> service.plan(at, s)).toList())
        .map(all -> json(all.list()));
  }

  private static Future<JsonObject> run(RoutingContext rc, ReminderService service, Clock clock) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(service.rules().zone())).withSecond(0).withNano(0);
    Future<List<Plan>> chain = Future.succeededFuture(new java.util.ArrayList<>());
    for (Schedule s : schedules(rc, service)) {
      chain = chain.compose(done -> service.run(now, s).map(plan -> {
        done.add(plan);
        return done;
      }));
    }
    return chain.map(ReminderRoutes::json);
  }

  private static List<Schedule> schedules(RoutingContext rc, ReminderService service) {
    String name = rc.queryParams().get("schedule");
    List<Schedule> all = service.rules().schedules();
    if (name == null || name.isBlank()) {
      if (all.isEmpty()) {
        throw new ApiException(409, "bot-config/reminders.yaml 中没有提醒计划 (no schedules configured)");
      }
      return all;
    }
    return all.stream().filter(s -> s.name().equals(name)).findFirst().map(List::of)
        .orElseThrow(() -> new ApiException(404, "没有名为 " + name + " 的提醒计划 (no such schedule)"));
  }

  private static ZonedDateTime at(String text, ReminderService service) {
    if (text == null || text.isBlank()) {
      throw new ApiException(400, "请用 at=2024-05-06T09:00 指定时间 (at is required)");
    }
    try {
      return OffsetDateTime.parse(text).atZoneSameInstant(service.rules().zone());
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(service.rules().zone());
      } catch (DateTimeParseException e2) {
        throw new ApiException(400, "时间格式应为 2024-05-06T09:00 (at must be an ISO date-time)");
      }
    }
  }

  private static JsonObject json(List<Plan> plans) {
    JsonArray runs = new JsonArray();
    for (Plan p : plans) {
      JsonArray digests = new JsonArray();
      p.digests().forEach(d -> digests.add(new JsonObject().put("group", d.group())
          .put("title", d.message().title()).put("text", d.message().markdown())
          .put("atUserIds", new JsonArray(d.message().atUserIds()))
          .put("atMobiles", new JsonArray(d.message().atMobiles()))
          .put("items", new JsonArray(d.itemIds()))));
      JsonObject run = new JsonObject().put("schedule", p.schedule()).put("at", p.at().toOffsetDateTime().toString())
          .put("digests", digests);
      p.silentBecause().ifPresent(why -> run.put("silent", why));
      runs.add(run);
    }
    return new JsonObject().put("runs", runs);
  }
}
