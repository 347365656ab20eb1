package io.zwgk.bot.command;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.AccessDeniedException;
import io.zwgk.bot.bulletin.BulletinService;
import io.zwgk.bot.chat.CommandHandler;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.chat.IncomingFile;
import io.zwgk.bot.chat.Reply;
import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.imports.ChatImports;
import io.zwgk.bot.monitor.MonitorService;
import io.zwgk.bot.ops.Metrics;
import io.zwgk.bot.remind.ReminderActions;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.StatsStore;
import io.zwgk.bot.stats.UnitDirectory;
import io.zwgk.bot.store.BindingStore;
import io.zwgk.bot.store.RedisUnavailableException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one command: parse it, find its entry in {@link CommandTable}, refuse what the asker's role does not
 * allow, run its handler (a use case and its reply). Every path ends in a reply: when
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
  private static final String FILE_TITLE = "政务公开助手";
  /** The metrics name of a file sent to the robot (commands are timed by their record's name). */
  private static final String FILE_METRIC = "FileSent";

  private final BotConfig bot;
  private final UnitDirectory units;
  private final Handlers handlers;
  private final Metrics metrics;
  private final Cache<String, Command> parsed = Caffeine.newBuilder().maximumSize(PARSED_TEXTS).build();

  /**
   * @param bot units of bot-config (with aliases; imported units are added behind them) and office staff
   * @param clock today's date for reminders and deadlines
   */
  public CommandService(StatsStore stats, BindingStore bindings, BotConfig bot, WorkCalendar calendar,
      ReminderActions reminders, MonitorService monitor, BulletinService bulletins, Clock clock) {
    this(stats, bindings, bot, calendar, reminders, monitor, bulletins, clock, Metrics.none());
  }

  /** As above, timing every command by its name in {@code metrics}; files sent to the robot are not imported. */
  public CommandService(StatsStore stats, BindingStore bindings, BotConfig bot, WorkCalendar calendar,
      ReminderActions reminders, MonitorService monitor, BulletinService bulletins, Clock clock, Metrics metrics) {
    this(stats, bindings, bot, calendar, reminders, monitor, bulletins, Optional.empty(), clock, metrics);
  }

  /** As above, importing the files office staff send to the robot through {@code imports}. */
  public CommandService(StatsStore stats, BindingStore bindings, BotConfig bot, WorkCalendar calendar,
      ReminderActions reminders, MonitorService monitor, BulletinService bulletins, Optional<ChatImports> imports,
      Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.bot = bot;
    this.units = new UnitDirectory(stats, bindings, bot.units(), bot.unitNames());
    this.handlers = new Handlers(new StatsCommands(stats, units, calendar, bulletins, clock),
        new ReminderCommands(reminders, clock), new CheckCommands(monitor, units),
        new BulletinCommands(bulletins, clock.getZone()), new ImportCommands(imports));
  }

  @Override
  public Future<Reply> handle(CommandRequest request) {
    if (request.file().isPresent()) {
      return receive(request, request.file().get());
    }
    long start = System.nanoTime();
    Command command = parse(request.text());
    CommandSpec<?> spec = CommandTable.spec(command);
    Asker asker = new Asker(request, bot.isOfficeStaff(request.platform(), request.senderId()),
        r -> units.boundUnit(r.platform(), r.senderId()));
    return Future.<Void>succeededFuture().compose(v -> permitted(spec, asker))
        .compose(v -> spec.answer(handlers, command, asker))
        .recover(e -> e instanceof AccessDeniedException d ? Future.succeededFuture(refused(command, d))
            : Future.failedFuture(e))
        .map(text -> new Reply(spec.title(), text))
        .recover(e -> Future.succeededFuture(failed(spec, e)))
        .onComplete(ar -> metrics.command(spec.metric(), System.nanoTime() - start));
  }

  /** A file sent to the robot: previewed for office staff, politely refused to anyone else. */
  private Future<Reply> receive(CommandRequest request, IncomingFile file) {
    long start = System.nanoTime();
    Asker asker = new Asker(request, bot.isOfficeStaff(request.platform(), request.senderId()),
        r -> Future.succeededFuture(Optional.empty()));
    return handlers.imports().receive(file, asker)
        .recover(e -> e instanceof AccessDeniedException ? Future.succeededFuture(ImportCommands.STAFF_ONLY)
            : Future.failedFuture(e))
        .map(text -> new Reply(FILE_TITLE, text))
        .recover(e -> Future.succeededFuture(failed(FILE_METRIC, e)))
        .onComplete(ar -> metrics.command(FILE_METRIC, System.nanoTime() - start));
  }

  /**
   * Refuses early what the asker may not do at all, by the action the table names ({@link Access} decides; the use
   * case asks it again, for the callers that are not chat). Reads the asker's binding only for own-unit actions.
   */
  private static Future<Void> permitted(CommandSpec<?> spec, Asker asker) {
    return switch (spec.action().rule()) {
      case ANYONE -> Future.succeededFuture();
      case OFFICE -> Access.require(asker.withoutUnit(), spec.action());
      case OWN_UNIT, OWN_UNIT_OR_OFFICE -> asker.actor().compose(a -> Access.require(a, spec.action()));
    };
  }

  private static String refused(Command command, AccessDeniedException denied) {
    return denied.reason() == AccessDeniedException.Reason.NOT_OFFICE ? CommandTable.refusal(command)
        : Replies.needBinding();
  }

  /**
   * The reply to a command that failed: {@link #UNAVAILABLE} only when Redis could not be reached; for anything else
   * (a bug, data that does not read) an error id that the log line of the failure carries too.
   */
  private static Reply failed(CommandSpec<?> spec, Throwable e) {
    return failed(spec.metric(), e);
  }

  private static Reply failed(String name, Throwable e) {
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
}
