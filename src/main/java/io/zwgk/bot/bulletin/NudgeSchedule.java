package io.zwgk.bot.bulletin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.zwgk.bot.config.FileErrors;
import io.zwgk.bot.config.YamlReader;
import io.zwgk.bot.remind.CronExpression;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * When the month-start nudge runs, from the {@code nudge} entry of {@code bot-config/bulletin/bulletin.yaml}: its cron
 * (on working days only) and on how many of a month's first working days it runs. Omitted values take the defaults
 * (09:30 on the first 5 working days).
 *
 * @param cron the times of day it runs, in the service's zone
 * @param firstWorkingDays it runs on the first this many working days of a month
 */
public record NudgeSchedule(CronExpression cron, int firstWorkingDays) {
  static final String DEFAULT_CRON = "30 9 * * *";
  static final int DEFAULT_DAYS = 5;
  /** A month has at most 23 working days. */
  static final int MAX_DAYS = 23;

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Document(Entry nudge) {
  }

  record Entry(String cron, Integer firstWorkingDays) {
  }

  public NudgeSchedule {
    Objects.requireNonNull(cron, "cron");
    if (firstWorkingDays < 1 || firstWorkingDays > MAX_DAYS) {
      throw new IllegalArgumentException("firstWorkingDays out of range: " + firstWorkingDays);
    }
  }

  /** 09:30 on the first 5 working days of a month. */
  public static NudgeSchedule defaults() {
    return new NudgeSchedule(CronExpression.parse(DEFAULT_CRON), DEFAULT_DAYS);
  }

  /**
   * Reads the {@code nudge} entry of {@value BulletinTemplates#FILE} in {@code dir} (normally
   * {@code bot-config/bulletin}); the defaults when the file or the entry is missing (the wording's loader reports a
   * missing file).
   *
   * @throws io.zwgk.bot.config.ConfigException listing every problem, each naming the file and field
   */
  public static NudgeSchedule load(Path dir) {
    Path file = dir.resolve(BulletinTemplates.FILE);
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    FileErrors errors = new FileErrors(file.normalize().toString());
    Optional<Entry> entry = YamlReader.strict().read(file, Document.class, errors).map(Document::nudge);
    CronExpression cron = cron(entry.map(Entry::cron), errors);
    int days = days(entry.map(Entry::firstWorkingDays), errors);
    errors.throwIfAny();
    return new NudgeSchedule(cron, days);
  }

  private static CronExpression cron(Optional<String> text, FileErrors errors) {
    try {
      return CronExpression.parse(text.orElse(DEFAULT_CRON));
    } catch (IllegalArgumentException e) {
      errors.add("nudge.cron", e.getMessage() + " (5 fields: minute hour day-of-month month day-of-week, e.g. \""
          + DEFAULT_CRON + "\")");
      return CronExpression.parse(DEFAULT_CRON);
    }
  }

  private static int days(Optional<Integer> value, FileErrors errors) {
    int days = value.orElse(DEFAULT_DAYS);
    if (days < 1 || days > MAX_DAYS) {
      errors.add("nudge.firstWorkingDays", "must be a whole number of working days from 1 to " + MAX_DAYS + ": "
          + days);
      return DEFAULT_DAYS;
    }
    return days;
  }
}
