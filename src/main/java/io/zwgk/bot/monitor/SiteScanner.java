package io.zwgk.bot.monitor;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.monitor.Fetch.Failed;
import io.zwgk.bot.monitor.Fetch.Ok;
import io.zwgk.bot.monitor.Fetch.SkipReason;
import io.zwgk.bot.monitor.Fetch.Skipped;
import io.zwgk.bot.monitor.Fetch.TooLarge;
import io.zwgk.bot.monitor.MonitorReport.ColumnCheck;
import io.zwgk.bot.monitor.MonitorReport.ColumnStatus;
import io.zwgk.bot.monitor.PageChecks.Kind;
import io.zwgk.bot.remind.TrackedItem;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scans one unit's pages: home page, 信息公开指南, each tracked column's list page and its newest items, and the pages
 * of its open findings; every link and image target on them is checked. Results keep the plan's order. Each page
 * is fetched and analysed once per run and kind; only what it found is kept, never its bytes.
 */
final class SiteScanner {
  private final Vertx vertx;
  private final SiteFetcher fetcher;
  private final MonitorConfig config;
  private final LocalDate today;
  /** What reading each page found, by kind and address: a page is fetched and analysed once per run. */
  private final Map<String, Future<Read>> pages = new HashMap<>();
  /** Each readable attachment's check, by address. */
  private final Map<String, Future<Target>> attachments = new HashMap<>();

  SiteScanner(Vertx vertx, SiteFetcher fetcher, MonitorConfig config, LocalDate today) {
    this.vertx = vertx;
    this.fetcher = fetcher;
    this.config = config;
    this.today = today;
  }

  Future<UnitScan> scan(UnitPlan plan) {
    List<Future<UnitScan>> parts = new ArrayList<>();
    plan.home().ifPresent(url -> parts.add(page(plan, url, Kind.HOME).map(Read::scan)));
    plan.guide().ifPresent(url -> parts.add(page(plan, url, Kind.GUIDE).map(Read::scan)));
    plan.columns().forEach(c -> parts.add(column(plan, c)));
    plan.revisit().forEach(url -> parts.add(page(plan, url, Kind.ITEM).map(Read::scan)));
    return Future.all(parts).map(all -> UnitScan.all(all.list()));
  }

  /** A page's scan, and its facts when it was read. */
  private record Read(UnitScan scan, Optional<PageChecks.Facts> facts) {
  }

  private Future<UnitScan> column(UnitPlan plan, TrackedItem.Column c) {
    return page(plan, c.url(), Kind.COLUMN).compose(read -> {
      Optional<ListDates.Scan> list = read.facts().flatMap(PageChecks.Facts::list);
      ColumnCheck check = columnCheck(c, read, list);
      List<Future<UnitScan>> items = new ArrayList<>(List.of(Future.succeededFuture(read.scan())));
      if (list.isPresent() && list.get() instanceof ListDates.Dated dated) {
        dated.newestItems().forEach(i -> items.add(page(plan, i.url().orElseThrow(), Kind.ITEM).map(Read::scan)));
      }
      return Future.all(items).map(all -> UnitScan.all(all.list())
          .plus(new UnitScan(List.of(), List.of(check), Set.of(), List.of())));
    });
  }

  private static ColumnCheck columnCheck(TrackedItem.Column c, Read read, Optional<ListDates.Scan> list) {
    if (list.isPresent() && list.get() instanceof ListDates.Dated d) {
      return new ColumnCheck(c.id(), c.unit(), c.column(), c.url(), ColumnStatus.DATED, Optional.of(d.newest()),
          c.lastUpdate(), "");
    }
    if (list.isPresent()) {
      return new ColumnCheck(c.id(), c.unit(), c.column(), c.url(), ColumnStatus.UNDATED, Optional.empty(),
          c.lastUpdate(), ((ListDates.Undated) list.get()).reason());
    }
    String note = read.scan().problems().isEmpty() ? "" : read.scan().problems().get(0).problem();
    ColumnStatus status = note.startsWith("未请求") ? ColumnStatus.SKIPPED : ColumnStatus.UNREACHABLE;
    return new ColumnCheck(c.id(), c.unit(), c.column(), c.url(), status, Optional.empty(), c.lastUpdate(), note);
  }

  private Future<Read> page(UnitPlan plan, String url, Kind kind) {
    return pages.computeIfAbsent(plan.unit() + "|" + kind + "|" + url, k -> read(plan, url, kind));
  }

  private Future<Read> read(UnitPlan plan, String url, Kind kind) {
    return fetcher.page(url).compose(f -> {
      if (f instanceof Ok ok) {
        PageChecks.Context cx = new PageChecks.Context(plan.unit(), plan.contact(), config.dictionary(),
            Urls.parse(url).map(URI::getHost).flatMap(config::dateSelector), today, config.crawl().newestItems());
        return vertx.executeBlocking(() -> PageChecks.analyse(ok, kind, cx), false)
            .compose(facts -> targets(cx, facts, kind).map(scan -> new Read(scan, Optional.of(facts))))
            .recover(e -> Future.succeededFuture(new Read(UnitScan.problem(plan.unit(), url,
                "页面无法解析 (" + e.getMessage() + ")", false), Optional.empty())));
      }
      return Future.succeededFuture(new Read(unread(plan.unit(), f), Optional.empty()));
    });
  }

  private static UnitScan unread(String unit, Fetch f) {
    if (f instanceof Failed x) {
      boolean gone = x.status() == 404 || x.status() == 410;
      return UnitScan.problem(unit, f.url(), "无法访问：" + x.describe(), gone);
    }
    if (f instanceof TooLarge t) {
      return UnitScan.problem(unit, f.url(), "未读完：页面" + t.describe() + "，未检查", false);
    }
    return UnitScan.problem(unit, f.url(), "未请求：" + skipReason(((Skipped) f).reason()), false);
  }

  static String skipReason(SkipReason reason) {
    return switch (reason) {
      case OUTSIDE_HOSTS -> "不在允许的网站范围内";
      case ROBOTS -> "robots.txt 不允许";
      case BUDGET -> "本次检查的页面数已用完";
      case BAD_ADDRESS -> "网址无效";
      case OWN_PORT -> "是本服务自身（Redis 或 HTTP）的端口";
    };
  }

  /**
   * Checks every link and image of a page (an item page's readable attachments are read and privacy-checked too);
   * the page is covered when no target was left unchecked for the budget.
   */
  private Future<UnitScan> targets(PageChecks.Context cx, PageChecks.Facts facts, Kind kind) {
    List<Future<Target>> checks = facts.links().stream().map(l -> check(cx, l, kind)).toList();
    return Future.all(checks).map(all -> {
      UnitScan scan = new UnitScan(facts.observations(), List.of(), Set.of(), List.of());
      boolean complete = true;
      for (int i = 0; i < facts.links().size(); i++) {
        PageLinks.Link link = facts.links().get(i);
        Target target = all.resultAt(i);
        complete &= !(target.fetch() instanceof Skipped s && s.reason() == SkipReason.BUDGET)
            && !(link.image() && target.fetch() instanceof TooLarge);
        scan = scan.plus(target.attachment());
        if (target.fetch() instanceof TooLarge t) {
          scan = scan.plus(UnitScan.problem(cx.unit(), link.url(), "未读完：" + (link.image() ? "图片" : "附件")
              + t.describe() + "，未检查" + (link.image() ? "能否显示" : "内容") + "（在 " + facts.url() + "）", false));
        }
        if (target.fetch() instanceof Failed x) {
          scan = scan.plus(new UnitScan(List.of(new Observation(cx.unit(), link.image() ? MonitorCategory.BROKEN_IMAGE
              : MonitorCategory.BROKEN_LINK, link.url(), facts.url(), (link.image() ? "图片“" : "链接“") + link.text()
              + "”：" + x.describe())), List.of(), Set.of(), List.of()));
        }
      }
      return complete ? scan.plus(new UnitScan(List.of(), List.of(), Set.of(facts.url()), List.of())) : scan;
    });
  }

  /** A checked target, and what reading it as an attachment found. */
  private record Target(Fetch fetch, UnitScan attachment) {
  }

  private Future<Target> check(PageChecks.Context cx, PageLinks.Link link, Kind kind) {
    if (link.image()) {
      return fetcher.image(link.url()).map(f -> new Target(f, UnitScan.empty()));
    }
    if (kind != Kind.ITEM || !Attachments.readable(link.url())) {
      return fetcher.link(link.url()).map(f -> new Target(f, UnitScan.empty()));
    }
    return attachments.computeIfAbsent(cx.unit() + "|" + link.url(), k -> fetcher.page(link.url()).compose(f ->
        !(f instanceof Ok ok) ? Future.succeededFuture(new Target(f, UnitScan.empty()))
            : vertx.executeBlocking(() -> PageChecks.analyse(ok, Kind.ITEM, cx), false).map(facts -> new Target(
                new Ok(ok.url(), ok.status(), ok.contentType(), null),
                new UnitScan(facts.observations(), List.of(), Set.of(ok.url()), List.of())))));
  }
}
