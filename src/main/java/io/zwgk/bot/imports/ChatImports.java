package io.zwgk.bot.imports;

import io.vertx.core.Future;
import io.zwgk.bot.access.Access;
import io.zwgk.bot.access.Action;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.FileTooLargeException;
import io.zwgk.bot.chat.IncomingFile;
import io.zwgk.bot.remind.TrackedImporter;
import io.zwgk.bot.remind.TrackedKind;
import io.zwgk.bot.remind.TrackedPreview;
import io.zwgk.bot.stats.ImportRejectedException;
import io.zwgk.bot.stats.ImportSlots;
import io.zwgk.bot.stats.StatsImporter;
import io.zwgk.bot.stats.StatsPreview;
import io.zwgk.bot.stats.TableFormat;
import io.zwgk.bot.ops.SafeText;
import io.zwgk.bot.store.Redis;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a table a staff member sent to the robot: the file is read and previewed without storing anything, kept
 * for its sender, and imported by the normal importer only when the same person confirms within {@link #WINDOW}.
 * A second file replaces the first. Every method answers in words and fails only when Redis cannot be reached.
 */
public final class ChatImports {
  private static final Logger log = LoggerFactory.getLogger(ChatImports.class);
  /** The largest file read, as for the admin API's uploads. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  /** How long a previewed file waits for {@code 确认导入}. */
  public static final Duration WINDOW = Duration.ofMinutes(30);
  private static final String UNNAMED = "未命名文件";

  private final StatsImporter stats;
  private final TrackedImporter tracked;
  private final PendingImportStore pending;
  private final Clock clock;

  /** @param clock when a file arrived and whether its window has passed */
  public ChatImports(StatsImporter stats, TrackedImporter tracked, Redis redis, Clock clock) {
    this.stats = stats;
    this.tracked = tracked;
    this.pending = new PendingImportStore(redis);
    this.clock = clock;
  }

  /**
   * Reads and previews a file sent by {@code actor} (office staff), replacing any file of theirs still pending. The
   * format is the name's ({@code .xlsx}, {@code .csv}); a file sent without a name (WeCom may give none) is read as
   * XLSX when it is a zip archive, else as CSV.
   */
  public Future<String> receive(Actor actor, IncomingFile file) {
    String name = file.name().isBlank() ? UNNAMED : file.name();
    boolean named = name.contains(".");
    Optional<TableFormat> format = TableFormat.fromFileName(name);
    return Access.require(actor, Action.IMPORT).compose(v -> {
      if (named && format.isEmpty()) {
        return Future.succeededFuture(ImportTexts.unsupported(name));
      }
      if (file.size() > MAX_FILE_BYTES) {
        return Future.succeededFuture(ImportTexts.tooLarge(name, MAX_FILE_BYTES));
      }
      return file.read(MAX_FILE_BYTES)
          .transform(read -> read.succeeded()
              ? preview(actor, name, format.orElseGet(() -> sniff(read.result())), read.result())
              : Future.succeededFuture(unread(name, read.cause())))
          .recover(e -> e instanceof ImportSlots.ImportBusyException
              ? Future.succeededFuture(ImportTexts.busy("请稍后重新发送文件")) : Future.failedFuture(e));
    });
  }

  private static TableFormat sniff(byte[] body) {
    return body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4 ? TableFormat.XLSX
        : TableFormat.CSV;
  }

  private Future<String> preview(Actor actor, String name, TableFormat format, byte[] body) {
    return stats.preview(actor, body, format, name).compose(s -> s.isPresent()
        ? keep(actor, statsPending(name, format, s.get(), body), ImportTexts.preview(name, s.get()))
        : tracked.preview(actor, body, format).compose(t -> t.isPresent()
            ? keep(actor, trackedPending(name, format, t.get(), body), ImportTexts.preview(name, t.get()))
            : drop(actor, ImportTexts.unrecognised(name))));
  }

  private Optional<PendingImport> statsPending(String name, TableFormat format, StatsPreview preview, byte[] body) {
    return preview.plan().ok() && preview.period().isPresent()
        ? Optional.of(new PendingImport(name, format, Optional.empty(), preview.period(), preview.category(),
            clock.instant(), body))
        : Optional.empty();
  }

  private Optional<PendingImport> trackedPending(String name, TableFormat format, TrackedPreview preview,
      byte[] body) {
    return preview.plan().ok()
        ? Optional.of(new PendingImport(name, format, Optional.of(preview.plan().kind()), Optional.empty(),
            Optional.empty(), clock.instant(), body))
        : Optional.empty();
  }

  private Future<String> keep(Actor actor, Optional<PendingImport> file, String preview) {
    if (file.isEmpty()) {
      return drop(actor, preview);
    }
    return pending.put(actor.channel(), actor.userId(), file.get())
        .map(replaced -> preview + ImportTexts.confirmHint(replaced));
  }

  private Future<String> drop(Actor actor, String reply) {
    return pending.take(actor.channel(), actor.userId()).map(earlier -> reply);
  }

  private static String unread(String name, Throwable e) {
    if (e instanceof FileTooLargeException) {
      return ImportTexts.tooLarge(name, MAX_FILE_BYTES);
    }
    log.warn("a file sent to the robot could not be downloaded: {}", SafeText.of(e));
    return ImportTexts.notDownloaded(name);
  }

  /** Imports the file {@code actor} sent last, if it is still within its window. */
  public Future<String> confirm(Actor actor) {
    return Access.require(actor, Action.IMPORT)
        .compose(v -> pending.take(actor.channel(), actor.userId()))
        .compose(file -> {
          if (file.isEmpty()) {
            return Future.succeededFuture(ImportTexts.nothingPending());
          }
          if (clock.instant().isAfter(file.get().receivedAt().plus(WINDOW))) {
            return Future.succeededFuture(ImportTexts.expired(file.get().fileName()));
          }
          return run(actor, file.get());
        });
  }

  private Future<String> run(Actor actor, PendingImport file) {
    Future<String> imported = file.kind().isPresent()
        ? tracked.importTable(actor, file.kind().get(), file.body(), file.format()).map(ImportTexts::imported)
        : stats.importTable(actor, file.period().orElseThrow(), file.body(), file.format(), file.category())
            .map(ImportTexts::imported);
    return imported.onSuccess(r -> log.info("{} staff member imported a file sent in chat ({})", actor.channel(),
            file.kind().map(TrackedKind::path).orElse("stats")))
        .recover(e -> {
          if (e instanceof ImportRejectedException rejected) {
            return Future.succeededFuture(ImportTexts.rejected(file.fileName(), rejected.errors()));
          }
          if (e instanceof ImportSlots.ImportBusyException) {
            return pending.put(actor.channel(), actor.userId(), file)
                .map(v -> ImportTexts.busy("文件仍保留，请稍后再发「确认导入」"));
          }
          return Future.failedFuture(e);
        });
  }

  /** Drops the file {@code actor} sent last without importing it. */
  public Future<String> cancel(Actor actor) {
    return Access.require(actor, Action.IMPORT)
        .compose(v -> pending.take(actor.channel(), actor.userId()))
        .map(file -> file.map(f -> ImportTexts.cancelled(f.fileName())).orElseGet(ImportTexts::nothingPending));
  }
}
