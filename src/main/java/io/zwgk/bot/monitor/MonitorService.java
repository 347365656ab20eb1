package io.zwgk.bot.monitor;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.TrackedItem.Finding;
import io.zwgk.bot.remind.TrackedItem.FindingState;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the site monitor: scans the units' pages and tracked columns, stores the columns' newest dates, opens,
 * reopens and closes findings with their evidence, and answers a {@link MonitorReport}. One run at a time across
 * instances (a Redis lock, renewed while the run lasts, released however the run ends). A run ends by its deadline
 * ({@code crawl.runDeadlineMinutes}) at the latest: then it stops crawling, stores nothing and fails with
 * {@link MonitorDeadlineException}. Runs on the context of the first call.
 */
public final class MonitorService {
  private static final Logger log = LoggerFactory.getLogger(MonitorService.class);
  static final Duration LOCK_TTL = Duration.ofMinutes(5);

  private final Vertx vertx;
  private final HttpClient http;
  private final MonitorConfig config;
  private final OwnPorts ownPorts;
  private final TrackedStore tracked;
  private final MonitorStore store;
  private final Clock clock;
  private final Context context;

  /**
   * @param http the crawler's client ({@link #crawlerClient}); redirects are followed by hand
   * @param ownPorts the ports of this service's Redis and HTTP server, never requested
   */
  public MonitorService(Vertx vertx, HttpClient http, MonitorConfig config, OwnPorts ownPorts, TrackedStore tracked,
      MonitorStore store, Clock clock) {
    this.vertx = vertx;
    this.http = http;
    this.config = config;
    this.ownPorts = ownPorts;
    this.tracked = tracked;
    this.store = store;
    this.clock = clock;
    this.context = vertx.getOrCreateContext();
  }

  /** Closes the crawler's client (its connection pool); the app calls this when it stops. */
  public Future<Void> close() {
    return http.close();
  }

  /**
   * The crawler's own HTTP client: its own connection pool (as many connections per host as the largest
   * {@code crawl.perHostConcurrency}), so crawling never takes the chat platforms' connections.
   */
  public static HttpClient crawlerClient(Vertx vertx) {
    return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(MAX_PER_HOST));
  }

  /** The most requests per host in flight that monitor.yaml allows. */
  static final int MAX_PER_HOST = 8;

  public MonitorConfig config() {
    return config;
  }

  /** The ports never requested; the HTTP port is added here once the server listens. */
  public OwnPorts ownPorts() {
    return ownPorts;
  }

  /**
   * Scans one unit, or every unit when empty, for office staff ({@code 检查}, the admin API).
   *
   * @return the report; fails with {@link MonitorBusyException} while another run holds the lock, and with
   *     {@link IllegalArgumentException} for a unit that has neither configured pages nor tracked columns
   */
  public Future<MonitorReport> run(Actor actor, Optional<String> unit) {
    return Access.require(actor, Action.RUN_CHECK).compose(v -> run(unit));
  }

  /** {@link #run(Actor, Optional)} for the schedule, which needs no one's rights. */
  Future<MonitorReport> run(Optional<String> unit) {
    Promise<MonitorReport> done = Promise.promise();
    context.runOnContext(v -> locked(() -> scan(unit)).onComplete(done));
    return done.future();
  }

  /** The findings of one unit (or all) in the given states (all states when empty), with their evidence. */
  public Future<List<FindingView>> findings(Optional<String> unit, Set<FindingState> states) {
    return Future.all(tracked.list(TrackedKind.FINDINGS), store.evidence()).map(all -> {
      List<TrackedItem> items = all.resultAt(0);
      Map<String, Evidence> evidence = all.resultAt(1);
      return items.stream().map(i -> (Finding) i)
          .filter(f -> unit.map(f.unit()::equals).orElse(true))
          .filter(f -> states.isEmpty() || states.contains(f.state()))
          .map(f -> new FindingView(f, Optional.ofNullable(evidence.get(f.naturalKey())))).toList();
    });
  }

  /** Runs {@code body} holding the run lock; the lock is released when the body ends, however it ends. */
  private <T> Future<T> locked(Supplier<Future<T>> body) {
    String owner = UUID.randomUUID().toString();
    return store.lock(owner, LOCK_TTL).compose(got -> {
      if (!got) {
        return Future.failedFuture(new MonitorBusyException());
      }
      long renew = vertx.setPeriodic(LOCK_TTL.toMillis() / 3, id -> store.renew(owner, LOCK_TTL)
          .onFailure(e -> log.warn("monitor lock not renewed: {}", e.getMessage())));
      Future<T> ran;
      try {
        ran = body.get(); // blocking-ok: a Supplier call that returns a Future, not Future.get()
      } catch (RuntimeException e) {
        ran = Future.failedFuture(e);
      }
      return ran.transform(ar -> {
        vertx.cancelTimer(renew);
        return store.unlock(owner)
            .otherwise(e -> {
              log.warn("monitor lock not released (it expires within {}): {}", LOCK_TTL, e.getMessage());
              return null;
            })
            .transform(v -> ar.succeeded() ? Future.succeededFuture(ar.result()) : Future.failedFuture(ar.cause()));
      });
    });
  }

  /**
   * The scan's result, or a {@link MonitorDeadlineException} once the run's deadline passes: then the fetcher stops
   * (requests in flight are reset) and what is still running finds nothing to store.
   */
  private Future<UnitScan> withDeadline(Future<UnitScan> scanning, SiteFetcher fetcher) {
    Promise<UnitScan> result = Promise.promise();
    Duration deadline = config.crawl().runDeadline();
    long timer = vertx.setTimer(deadline.toMillis(), id -> {
      if (result.tryFail(new MonitorDeadlineException(deadline))) {
        log.warn("monitor run stopped: its deadline of {} passed", deadline);
        fetcher.stop();
      }
    });
    scanning.onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        result.tryComplete(ar.result());
      } else {
        result.tryFail(ar.cause());
      }
    });
    return result.future();
  }

  private Future<MonitorReport> scan(Optional<String> unit) {
    Instant started = clock.instant();
    LocalDate today = LocalDate.ofInstant(started, config.zone());
    return Future.all(tracked.list(TrackedKind.COLUMNS), tracked.list(TrackedKind.FINDINGS), store.evidence())
        .compose(all -> {
          RunState state = RunState.of(unit, all.resultAt(0), all.resultAt(1), all.resultAt(2), started, today);
          List<UnitPlan> plans = ScanPlans.of(config, unit, state.columns(), state.findings(), state.evidence());
          if (unit.isPresent() && plans.isEmpty()) {
            return Future.failedFuture(new IllegalArgumentException("单位“" + unit.get()
                + "”没有配置网站页面，也没有跟踪的栏目 (nothing to scan for this unit)"));
          }
          SiteFetcher fetcher = new SiteFetcher(vertx, http, config, ownPorts);
          SiteScanner scanner = new SiteScanner(vertx, fetcher, config, today);
          return withDeadline(Future.all(plans.stream().map(scanner::scan).toList())
              .map(scans -> UnitScan.all(scans.list())), fetcher)
              .compose(result -> new RunWriter(tracked, store, clock).write(state, plans, result, fetcher));
        })
        .onSuccess(r -> log.info("monitor run {}: {} requests, {} opened, {} closed, {} pages unread",
            unit.orElse("(all units)"), r.requests(), r.opened().size(), r.closed().size(), r.problems().size()));
  }
}
