package io.zwgk.bot.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.chat.CommandHandler;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.chat.Reply;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.Resolution;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.Unit;
import io.zwgk.bot.stats.UnitNames;
import io.zwgk.bot.stats.UnitResolver;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.RedisUnavailableException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one command: parse, load what it needs from the stores, render the reply. Every path ends in a reply: when
 * Redis cannot be reached the reply says so ({@link #UNAVAILABLE}); any other failure is logged with an error id that
 * the reply names ({@link #failedText}).
 */
public final class CommandService implements CommandHandler {
  private static final Logger log = LoggerFactory.getLogger(CommandService.class);
  static final String UNAVAILABLE = "数据服务暂不可用，请稍后再试。";
  /** Message texts whose parsed command is kept: the handful of commands a group types over and over. */
  private static final int PARSED_TEXTS = 512;
  /** Longer texts are parsed every time rather than kept. */
  private static final int PARSED_TEXT_MAX_CHARS = 64;

  private final StatsStore stats;
  private final BindingStore bindings;
  private final List<Unit> configuredUnits;
  private final BotConfig bot;
  private final WorkCalendar calendar;
  private final ReminderCommands reminders;
  private final CheckCommands checks;
  private final BulletinCommands bulletins;
  private final BulletinService bulletinService;
  private final Clock clock;
  private final Metrics metrics;
  private final RenderedReplies rendered = new RenderedReplies();
  private final Cache<String, Command> parsed = Caffeine.newBuilder().maximumSize(PARSED_TEXTS).build();
  private volatile ResolverSnapshot resolver = new ResolverSnapshot(null, new UnitResolver(List.of(), UnitNames.NONE));

  /**
   * @param bot units of bot-config (with aliases; imported units are added behind them) and office staff
   * @param clock today's date for reminders and deadlines
   */
  public CommandService(StatsStore stats, BindingStore bindings, BotConfig bot, WorkCalendar calendar,
      ReminderActions reminders, MonitorService monitor, BulletinService bulletins, Clock clock) {
    this(stats, bindings, bot, calendar, reminders, monitor, bulletins, clock, Metrics.none());
  }

  /** As above, timing every command by its name in {@code metrics}. */
  public CommandService(StatsStore stats, BindingStore bindings, BotConfig bot, WorkCalendar calendar,
      ReminderActions reminders, MonitorService monitor, BulletinService bulletins, Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.stats = stats;
    this.bindings = bindings;
    this.configuredUnits = bot.units();
    this.bot = bot;
    this.calendar = calendar;
    this.reminders = new ReminderCommands(reminders);
    this.checks = new CheckCommands(monitor);
    this.bulletins = new BulletinCommands(bulletins, clock.getZone());
    this.bulletinService = bulletins;
    this.clock = clock;
  }

  @Override
  public Future<Reply> handle(CommandRequest request) {
    long start = System.nanoTime();
    Command command = parse(request.text());
    return Future.<String>succeededFuture().compose(v -> dispatch(command, request))
        .map(text -> new Reply(title(command), text))
        .recover(e -> Future.succeededFuture(failed(command, e)))
        .onComplete(ar -> metrics.command(command.getClass().getSimpleName(), System.nanoTime() - start));
  }

  /**
   * The reply to a command that failed: {@link #UNAVAILABLE} only when Redis could not be reached; for anything else
   * (a bug, data that does not read) an error id that the log line of the failure carries too.
   */
  private static Reply failed(Command command, Throwable e) {
    String name = command.getClass().getSimpleName();
    if (RedisUnavailableException.in(e)) {
      log.warn("command {} failed: {}", name, e.getMessage());
      return new Reply("暂不可用", UNAVAILABLE);
    }
    String id = errorId();
    log.error("command {} failed, error id {}", name, id, e);
    return new Reply("处理出错", failedText(id));
  }

  /** The reply text for a failure logged under {@code id}. */
  static String failedText(String id) {
    return "处理出错，已记录（编号 " + id + "），请稍后再试或联系县政务公开办。";
  }

  private static String errorId() {
    return String.format("%08x", ThreadLocalRandom.current().nextInt());
  }

  private Command parse(String text) {
    return text.length() > PARSED_TEXT_MAX_CHARS ? CommandParser.parse(text)
        : parsed.get(text, CommandParser::parse);
  }

  private Future<String> dispatch(Command command, CommandRequest request) {
    if (ReminderCommands.handles(command)) {
      boolean staff = bot.isOfficeStaff(request.platform(), request.senderId());
      return bindings.unitOf(request.platform(), request.senderId())
          .compose(unit -> reminders.handle(command, unit, staff, LocalDate.now(clock)));
    }
    if (command instanceof Command.BulletinCommand b) {
      return bulletins.handle(b, request, bot.isOfficeStaff(request.platform(), request.senderId()));
    }
    if (CheckCommands.handles(command)) {
      return checks.handle(command, bot.isOfficeStaff(request.platform(), request.senderId()), this::resolveName);
    }
    if (command instanceof Command.Completion c) {
      return completion(c, request);
    } else if (command instanceof Command.Ranking r) {
      return inMonth(r.month(), r.category(), p -> Replies.ranking(p, r.category()));
    } else if (command instanceof Command.BottomFive b) {
      return inMonth(b.month(), "末五位", Replies::bottomFive);
    } else if (command instanceof Command.Overview o) {
      return inMonth(o.month(), "概况", p -> p.rows().isEmpty() ? Replies.noData() : bulletinService.overview(p));
    } else if (command instanceof Command.Bind b) {
      return bind(b, request);
    } else if (command instanceof Command.Unbind) {
      return bindings.unbind(request.platform(), request.senderId()).map(Replies::unbound);
    } else if (command instanceof Command.Help) {
      return Future.succeededFuture(Replies.help());
    } else if (command instanceof Command.Workdays w) {
      return Future.succeededFuture(Replies.workdays(w.start(), w.n(), calendar.deadline(w.start(), w.n())));
    } else if (command instanceof Command.WorkdaysUsage u) {
      return Future.succeededFuture(Replies.workdaysUsage(u));
    } else if (command instanceof Command.Unknown u) {
      return Future.succeededFuture(Replies.shortHelp(u.text()));
    }
    return Future.failedFuture(new IllegalStateException("command without handler: " + command));
  }

  private Future<String> completion(Command.Completion c, CommandRequest request) {
    Future<Optional<String>> query = c.unitQuery().isPresent() ? Future.succeededFuture(c.unitQuery())
        : bindings.unitOf(request.platform(), request.senderId());
    return query.compose(q -> q.isEmpty() ? Future.succeededFuture(Replies.needBinding())
        : resolve(q.get(), unit -> completionOf(unit, c.month())));
  }

  private Future<String> completionOf(Unit unit, MonthQuery month) {
    return inMonth(month, new CompletionOf(unit.name()), p -> p.find(unit.name())
        .map(row -> Replies.completion(row, p)).orElseGet(() -> Replies.unitHasNoRow(unit, p.period())));
  }

  private Future<String> bind(Command.Bind b, CommandRequest request) {
    if (request.senderId().isEmpty()) {
      return Future.succeededFuture("无法识别您的账号，不能绑定单位。");
    }
    return resolve(b.unitQuery(), unit -> bindings.bind(request.platform(), request.senderId(), unit.name())
        .map(v -> Replies.bound(unit)));
  }

  private Future<String> resolve(String query, Function<Unit, Future<String>> onFound) {
    return resolver().compose(r -> {
      Resolution resolution = r.resolve(query);
      if (resolution instanceof Resolution.Found f) {
        return onFound.apply(f.unit());
      } else if (resolution instanceof Resolution.Ambiguous a) {
        return Future.succeededFuture(Replies.ambiguous(a));
      }
      return Future.succeededFuture(Replies.notFound((Resolution.NotFound) resolution));
    });
  }

  private Future<CheckCommands.Resolved> resolveName(String query) {
    return resolver().map(r -> {
      Resolution resolution = r.resolve(query);
      if (resolution instanceof Resolution.Found f) {
        return new CheckCommands.Resolved(Optional.of(f.unit().name()), "");
      }
      return new CheckCommands.Resolved(Optional.empty(), resolution instanceof Resolution.Ambiguous a
          ? Replies.ambiguous(a) : Replies.notFound((Resolution.NotFound) resolution));
    });
  }

  /**
   * The reply {@code key} rendered from the statistics of the month asked about (once per copy of them); when that
   * month has none, which months have; when none has, that there are no figures yet.
   */
  private Future<String> inMonth(MonthQuery month, Object key, Function<PeriodStats, String> render) {
    return stats.periods().compose(available -> {
      YearMonth now = YearMonth.now(clock);
      Optional<YearMonth> meant = month.resolve(available, now);
      if (meant.isEmpty()) {
        return Future.succeededFuture(available.isEmpty() ? Replies.noData()
            : Replies.noSuchMonth(month.label(now), available));
      }
      return stats.period(meant.get())
          .map(p -> p.map(figures -> rendered.get(figures, key, render)).orElseGet(Replies::noData));
    });
  }

  /** The resolver over configured plus imported units, rebuilt only when the imported list changes. */
  private Future<UnitResolver> resolver() {
    return stats.importedUnits().map(imported -> {
      ResolverSnapshot current = resolver;
      if (current.imported() == imported) {
        return current.resolver();
      }
      UnitResolver fresh = new UnitResolver(merge(imported), bot.unitNames());
      resolver = new ResolverSnapshot(imported, fresh);
      return fresh;
    });
  }

  private List<Unit> merge(List<Unit> imported) {
    Map<String, Unit> byName = new LinkedHashMap<>();
    configuredUnits.forEach(u -> byName.put(u.name(), u));
    imported.forEach(u -> byName.putIfAbsent(u.name(), u));
    return new ArrayList<>(byName.values());
  }

  private static String title(Command command) {
    return command instanceof Command.Completion ? "完成率"
        : command instanceof Command.Ranking ? "排名"
        : command instanceof Command.BottomFive ? "末五位"
        : command instanceof Command.Overview ? "概况"
        : command instanceof Command.Workdays ? "工作日"
        : "政务公开助手";
  }

  /** The key of one unit's {@code 完成率} reply. */
  private record CompletionOf(String unit) {
  }

  private record ResolverSnapshot(List<Unit> imported, UnitResolver resolver) {
  }
}
