package io.zwgk.bot.monitor;

import java.time.Duration;

/** A monitor run passed its deadline ({@code crawl.runDeadlineMinutes}): it stopped, stored nothing, freed its lock. */
public final class MonitorDeadlineException extends RuntimeException {
  public MonitorDeadlineException(Duration deadline) {
    super("网站检查超过 " + minutes(deadline) + " 仍未完成，已停止，本次结果未保存 (the monitor run passed its deadline)",
        null, false, false);
  }

  private static String minutes(Duration d) {
    return d.toMinutes() > 0 && d.toSecondsPart() == 0 ? d.toMinutes() + " 分钟" : d.toSeconds() + " 秒";
  }
}
