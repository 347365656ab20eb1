package io.zwgk.bot.bulletin;

import io.zwgk.bot.config.BotConfig;
import io.zwgk.bot.remind.ReminderRules;
import io.zwgk.bot.remind.TrackedItem;
import io.zwgk.bot.remind.WorkCalendar;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.ImportPlan;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.StatsImportParser;
import io.zwgk.bot.stats.UnitStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The seed's April 2024 tables from {@code bot-config/demo/}, the repository's templates and holiday calendar. */
final class SeedBulletin {
  static final YearMonth APRIL = YearMonth.of(2024, 4);
  static final Path CONFIG = Path.of("bot-config");
  static final WorkCalendar CALENDAR = WorkCalendar.load(CONFIG.resolve("holidays-cn.csv"));
  static final BulletinTemplates TEMPLATES = BulletinTemplates.load(CONFIG.resolve("bulletin"));
  static final BotConfig BOT = BotConfig.load(CONFIG);

  private SeedBulletin() {
  }

  /** Both demo tables parsed exactly as the statistics import parses them. */
  static List<UnitStats> rows() {
    List<UnitStats> rows = new ArrayList<>();
    rows.addAll(parse("2024-04-县直单位.csv", Category.COUNTY_DEPT));
    rows.addAll(parse("2024-04-乡镇.csv", Category.TOWNSHIP));
    return rows;
  }

  static PeriodStats april() {
    return new PeriodStats(APRIL, rows());
  }

  private static List<UnitStats> parse(String file, Category category) {
    try {
      byte[] body = Files.readAllBytes(CONFIG.resolve("demo").resolve(file));
      ImportPlan plan = StatsImportParser.parse(body, "text/csv", Optional.of(category));
      if (!plan.ok()) {
        throw new IllegalStateException("demo table rejected: " + plan.errors());
      }
      return plan.rows();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The seed's attachment table as printed (test resource copy): one {@code String[5]} per unit, seed order. */
  static List<String[]> printed(String file) {
    try (InputStream in = SeedBulletin.class.getResourceAsStream("/seed/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
          .filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A composed April bulletin with nothing but the statistics, issued on {@code issued}. */
  static Bulletin statsOnly(LocalDate issued) {
    return composer().compose(inputs(issued, BulletinState.empty(APRIL), List.of()));
  }

  static NarrativeItem item(String id, String section, String text) {
    return new NarrativeItem(id, section, text, "李四", Instant.parse("2024-05-06T01:00:00Z"));
  }

  static BulletinComposer composer() {
    return new BulletinComposer(TEMPLATES, CALENDAR, ReminderRules.defaults(), BOT.units(), BOT.unitNames());
  }

  static BulletinInputs inputs(LocalDate issued, BulletinState state, List<TrackedItem> tracked) {
    return new BulletinInputs(APRIL, issued, Optional.of(april()), state, tracked, Set.of(), Map.of(), List.of());
  }
}
