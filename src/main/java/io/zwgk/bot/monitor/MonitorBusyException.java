package io.zwgk.bot.monitor;

/** Another monitor run holds the lock (on this or another instance); try again when it has finished. */
public final class MonitorBusyException extends IllegalStateException {
  public MonitorBusyException() {
    super("网站检查正在进行中，请稍后再试 (a monitor run is in progress)");
  }
}
