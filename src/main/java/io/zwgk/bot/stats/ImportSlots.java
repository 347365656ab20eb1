package io.zwgk.bot.stats;

import io.vertx.core.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Bounds how many table imports (statistics and tracked items) run at once: parsing a large table takes a worker
 * thread and seconds of CPU, so a caller that finds every slot taken is refused at once ({@link ImportBusyException},
 * HTTP 429) instead of queueing. Thread-safe.
 */
public final class ImportSlots {
  /** Imports at a time across the process. */
  public static final int MAX = 2;
  private static final ImportSlots PROCESS = new ImportSlots(MAX);

  private final Semaphore permits;

  public ImportSlots(int slots) {
    this.permits = new Semaphore(slots);
  }

  /** The slots every importer of this process shares. */
  public static ImportSlots process() {
    return PROCESS;
  }

  /**
   * Runs {@code importing} holding a slot until its future completes.
   *
   * @return the import's future, or one failed with {@link ImportBusyException} when no slot is free
   */
  public <T> Future<T> run(Supplier<Future<T>> importing) {
    if (!permits.tryAcquire()) {
      return Future.failedFuture(new ImportBusyException());
    }
    try {
      return importing.get().onComplete(ar -> permits.release()); // blocking-ok: a Supplier of a Future
    } catch (RuntimeException e) {
      permits.release();
      return Future.failedFuture(e);
    }
  }

  /** Takes a slot without running anything (tests: hold slots to see the next import refused). */
  public boolean tryAcquire() {
    return permits.tryAcquire();
  }

  /** Gives back a slot taken with {@link #tryAcquire()}. */
  public void release() {
    permits.release();
  }

  /** Every slot is taken: another import is running. */
  public static final class ImportBusyException extends RuntimeException {
    public static final String MESSAGE = "正在导入其他表格，请稍后再试 (another import is running)";

    ImportBusyException() {
      super(MESSAGE, null, false, false);
    }
  }
}
