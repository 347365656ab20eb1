package io.zwgk.bot.bulletin;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.http.AdminAuth;
import io.zwgk.bot.http.ApiException;
import io.zwgk.bot.http.JsonBodies;
import io.zwgk.bot.remind.TrackedCodec;
import io.zwgk.bot.stats.Periods;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP routes of the bulletin. The admin API ({@code /api/v1/bulletins/{period}…}, bearer token) reads the draft or
 * published bulletin as JSON, previews and publishes (with an optional {@code issueDate}), sets the 期号, sends
 * corrections after publication, and manages narrative items and counts. The documents
 * ({@code /bulletins/{period}} HTML, {@code .docx}, {@code .xlsx}, {@code /bulletins/{period}/chart.png}) are public
 * once published — they hold only what was sent to the groups — and need the admin token while the month is a draft.
 */
public final class BulletinRoutes {
  private static final Pattern DOCUMENT = Pattern.compile("(\\d{4}-\\d{2})(?:\\.(html|docx|xlsx))?");
  private static final String BULLETIN = "bulletin";
  private static final int BODY_LIMIT = 64 * 1024;

  private BulletinRoutes() {
  }

  public static void mount(Router router, AdminAuth auth, BulletinService service) {
    String api = "/api/v1/bulletins/:period";
    router.get(api).handler(auth).respond(rc -> service.bulletin(period(rc)).map(BulletinJson::toJson));
    router.post(api + "/preview").handler(auth).handler(body())
        .respond(rc -> service.preview(Actor.API, period(rc), issueDate(rc)).map(BulletinRoutes::preview));
    router.post(api + "/publish").handler(auth).handler(body()).respond(rc -> publish(rc, service));
    router.put(api + "/number").handler(auth).handler(body()).respond(rc -> setNumber(rc, service));
    router.post(api + "/corrections").handler(auth).handler(body()).respond(rc -> correct(rc, service));
    router.get(api + "/items").handler(auth).respond(rc -> service.listItems(Actor.API, period(rc))
        .map(items -> new JsonArray(items.stream().map(BulletinJson::toJson).collect(Collectors.toList()))));
    router.post(api + "/items").handler(auth).handler(body()).respond(rc -> addItem(rc, service));
    router.delete(api + "/items/:id").handler(auth).respond(rc -> removeItem(rc, service));
    router.put(api + "/counts/:name").handler(auth).handler(body()).respond(rc -> setCount(rc, service));
    router.get("/bulletins/:period/chart.png").handler(rc -> load(rc, service, auth, chartPeriod(rc)))
        .handler(rc -> render(rc, Format.PNG));
    router.get("/bulletins/:document").handler(rc -> load(rc, service, auth, rc.pathParam("document")))
        .handler(rc -> render(rc, rc.get("format")));
  }

  private static String chartPeriod(RoutingContext rc) {
    String period = rc.pathParam("period");
    return period.contains(".") ? "" : period;
  }

  private static BodyHandler body() {
    return BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
  }

  private static JsonObject preview(PreviewResult p) {
    return new JsonObject().put("groups", p.groups())
        .put("findings", new JsonArray(p.findings().stream().map(TrackedCodec::toJson).collect(Collectors.toList())))
        .put("bulletin", BulletinJson.toJson(p.bulletin()));
  }

  /** The body's {@code issueDate} ({@code yyyy-MM-dd}), empty when absent; 400 when it is not a date. */
  private static Optional<LocalDate> issueDate(RoutingContext rc) {
    Object value = json(rc).getValue("issueDate");
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(String.valueOf(value)));
    } catch (DateTimeParseException e) {
      throw new ApiException(400, "issueDate 应为日期，如 \"2024-05-06\" (issueDate must be yyyy-MM-dd)");
    }
  }

  private static Future<JsonObject> publish(RoutingContext rc, BulletinService service) {
    JsonObject body = json(rc);
    String by = body.getString("by", "");
    return numbered(service.publish(Actor.admin(body.getString("userId", "admin"), by), period(rc), issueDate(rc)))
        .compose(r -> {
      if (r.outcome() == PublishResult.Outcome.INCOMPLETE) {
        return Future.failedFuture(new ApiException(409, "月报缺少内容，不能发布 (the draft is incomplete)",
            new JsonObject().put("missing", new JsonArray(r.bulletin().missing()))));
      }
      if (r.outcome() == PublishResult.Outcome.NO_BROADCAST_GROUP) {
        return Future.failedFuture(new ApiException(409, "没有接收月报的群：请在 bot-config/chat.yaml 中给群加上 "
            + "broadcast: true (no group in bot-config/chat.yaml has broadcast: true; nothing was published)"));
      }
      String outcome = r.outcome().name().toLowerCase(Locale.ROOT);
      return Future.succeededFuture(new JsonObject().put("outcome", outcome)
          .put("groups", r.groups()).put("findingsCreated", r.findingsCreated())
          .put("bulletin", BulletinJson.toJson(r.bulletin())));
    });
  }

  private static Future<JsonObject> setNumber(RoutingContext rc, BulletinService service) {
    Integer number = number(rc);
    return numbered(locked(service.setNumber(Actor.API, period(rc), number)))
        .map(n -> new JsonObject().put("period", period(rc).toString()).put("number", n));
  }

  private static Integer number(RoutingContext rc) {
    String raw = rc.body().asString() == null ? "" : rc.body().asString().strip();
    try {
      return raw.startsWith("{") ? Integer.valueOf(String.valueOf(JsonBodies.object(raw).getValue("number")))
          : Integer.valueOf(raw);
    } catch (NumberFormatException e) {
      throw new ApiException(400, "请求体应为期号，如 4 或 {\"number\": 4} (body must be a number)");
    }
  }

  private static Future<JsonObject> correct(RoutingContext rc, BulletinService service) {
    JsonObject body = json(rc);
    Actor by = Actor.admin(body.getString("userId", ""), body.getString("by", "admin"));
    return service.correct(by, period(rc), String.valueOf(body.getValue("text", ""))).compose(r -> {
      if (r.outcome() == CorrectionResult.Outcome.NOT_PUBLISHED) {
        return Future.failedFuture(new ApiException(409, "月报尚未发布，不能更正；发布前可直接修改草稿 (not published; "
            + "change the draft instead)"));
      }
      rc.response().setStatusCode(r.outcome() == CorrectionResult.Outcome.SENT ? 201 : 200);
      return Future.succeededFuture(new JsonObject().put("outcome", r.outcome().name().toLowerCase(Locale.ROOT))
          .put("groups", r.groups()).put("correction", BulletinJson.toJson(r.correction().orElseThrow())));
    });
  }

  /** A 期号 another published month has: 409. */
  private static <T> Future<T> numbered(Future<T> change) {
    return change.recover(e -> Future.failedFuture(e instanceof BulletinNumberTakenException t
        ? new ApiException(409, "第" + t.number() + "期已用于" + t.holder() + "月报 (number taken by " + t.holder() + ")")
        : e));
  }

  private static Future<JsonObject> addItem(RoutingContext rc, BulletinService service) {
    JsonObject body = json(rc);
    String section = body.getString("section", "");
    String text = body.getString("text", "");
    return locked(service.addItem(Actor.admin("", body.getString("by", "admin")), period(rc), section,
        text))
        .map(item -> {
          rc.response().setStatusCode(201);
          return BulletinJson.toJson(item);
        });
  }

  private static Future<JsonObject> removeItem(RoutingContext rc, BulletinService service) {
    return locked(service.removeItem(Actor.API, period(rc), rc.pathParam("id"))).compose(removed -> removed
        .map(i -> Future.succeededFuture(BulletinJson.toJson(i)))
        .orElseGet(() -> Future.failedFuture(new ApiException(404, "没有这个编号的月报内容 (no such item)"))));
  }

  private static Future<JsonObject> setCount(RoutingContext rc, BulletinService service) {
    String name = rc.pathParam("name");
    Integer value = countValue(rc);
    return locked(service.setCount(Actor.API, period(rc), name, value))
        .map(v -> new JsonObject().put("name", name).put("value", value));
  }

  private static Integer countValue(RoutingContext rc) {
    String raw = rc.body().asString() == null ? "" : rc.body().asString().strip();
    try {
      return raw.startsWith("{") ? JsonBodies.object(raw).getInteger("value") : Integer.valueOf(raw);
    } catch (RuntimeException e) {
      throw new ApiException(400, "请求体应为数量，如 7 或 {\"value\": 7} (body must be a number)");
    }
  }

  private static <T> Future<T> locked(Future<T> change) {
    return change.recover(e -> Future.failedFuture(e instanceof BulletinPublishedException p
        ? new ApiException(409, "月报已于" + Narrative.day(p.publication().issueDate()) + "由" + p.publication().who()
            + "发布，不能再修改 (already published)")
        : e));
  }

  private static void load(RoutingContext rc, BulletinService service, AdminAuth auth, String name) {
    Matcher m = DOCUMENT.matcher(name);
    if (!m.matches()) {
      rc.fail(new ApiException(404, "没有这份月报，地址应为 /bulletins/YYYY-MM[.docx|.xlsx] (no such bulletin)"));
      return;
    }
    YearMonth period = parse(m.group(1));
    rc.put("format", Format.of(Optional.ofNullable(m.group(2)).orElse("html")));
    service.published(period).onSuccess(published -> {
      if (published.isPresent()) {
        rc.put(BULLETIN, published.get());
        rc.next();
        return;
      }
      Optional<ApiException> refused = auth.refusal(rc);
      if (refused.isPresent()) {
        rc.fail(refused.get()); // checked before the draft is composed
        return;
      }
      service.bulletin(period).onSuccess(b -> {
        rc.put(BULLETIN, b);
        rc.next();
      }).onFailure(rc::fail);
    }).onFailure(rc::fail);
  }

  private static void render(RoutingContext rc, Format format) {
    Bulletin b = rc.get(BULLETIN);
    rc.vertx().executeBlocking(() -> format.render(b), false).onSuccess(bytes -> {
      rc.response().putHeader("content-type", format.contentType())
          .putHeader("cache-control", b.status() == Bulletin.Status.PUBLISHED ? "public, max-age=300" : "no-store")
          .putHeader("x-content-type-options", "nosniff");
      format.disposition(b).ifPresent(d -> rc.response().putHeader("content-disposition", d));
      if (format == Format.HTML) {
        rc.response().putHeader("content-security-policy",
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'");
      }
      rc.response().end(Buffer.buffer(bytes));
    }).onFailure(rc::fail);
  }

  private static YearMonth period(RoutingContext rc) {
    return parse(rc.pathParam("period"));
  }

  private static YearMonth parse(String text) {
    return Periods.parse(text);
  }

  private static JsonObject json(RoutingContext rc) {
    return JsonBodies.object(rc);
  }

}
