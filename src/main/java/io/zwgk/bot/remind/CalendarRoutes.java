package io.zwgk.bot.remind;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.zwgk.bot.http.ApiException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Public, read-only working-day arithmetic: {@code GET /api/v1/calendar/add-workdays?from=YYYY-MM-DD&n=N} answers
 * {@code {from, n, date, estimated}}. No authentication: it reveals nothing but the holiday schedule.
 */
public final class CalendarRoutes {
  private static final DateTimeFormatter ISO_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

  private CalendarRoutes() {
  }

  public static void mount(Router router, WorkCalendar calendar) {
    router.get("/api/v1/calendar/add-workdays").handler(rc -> addWorkdays(rc, calendar));
  }

  private static void addWorkdays(RoutingContext rc, WorkCalendar calendar) {
    LocalDate from;
    int n;
    try {
      from = from(rc.queryParams().get("from"));
      n = count(rc.queryParams().get("n"));
    } catch (ApiException e) {
      rc.fail(e);
      return;
    }
    WorkCalendar.Deadline deadline = calendar.deadline(from, n);
    rc.json(new JsonObject().put("from", from.toString()).put("n", n)
        .put("date", deadline.date().toString()).put("estimated", deadline.estimated()));
  }

  private static LocalDate from(String text) {
    if (text == null || text.isBlank()) {
      throw new ApiException(400, "缺少起算日期 from，格式 YYYY-MM-DD (missing parameter from=YYYY-MM-DD)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text, ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new ApiException(400, "起算日期应为有效日期 YYYY-MM-DD，例如 2024-04-30 (from must be a valid YYYY-MM-DD date)");
    }
    if (date.getYear() < WorkCalendar.MIN_QUERY_YEAR || date.getYear() > WorkCalendar.MAX_QUERY_YEAR) {
      throw new ApiException(400, "起算日期的年份须在 " + WorkCalendar.MIN_QUERY_YEAR + " 到 " + WorkCalendar.MAX_QUERY_YEAR
          + " 之间 (from year must be " + WorkCalendar.MIN_QUERY_YEAR + "–" + WorkCalendar.MAX_QUERY_YEAR + ")");
    }
    return date;
  }

  private static int count(String text) {
    String range = "1–" + WorkCalendar.MAX_QUERY_DAYS;
    if (text == null || text.isBlank()) {
      throw new ApiException(400, "缺少工作日天数 n (missing parameter n, " + range + ")");
    }
    int n = COUNT.matcher(text).matches() ? Integer.parseInt(text) : -1;
    if (n < 1 || n > WorkCalendar.MAX_QUERY_DAYS) {
      throw new ApiException(400, "工作日天数 n 须为 1 到 " + WorkCalendar.MAX_QUERY_DAYS + " 的整数 (n must be an integer "
          + range + ")");
    }
    return n;
  }
}
