package io.zwgk.bot.bench;

import io.vertx.core.Vertx;
import io.zwgk.bot.Configuration;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.bulletin.BulletinTemplates;
import io.zwgk.bot.bulletin.OverviewParagraph;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.command.CommandService;
import io.zwgk.bot.command.Replies;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.ImportPlan;
import io.zwgk.bot.stats.PeriodStats;
import io.zwgk.bot.stats.StatsImportParser;
import io.zwgk.bot.stats.TableFormat;
import io.zwgk.bot.stats.UnitStats;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLauncher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Scenario 4: the office's data at 500, 5,000 and 50,000 units (and the import at 10,000 and at its 20,000-row cap).
 * Import of an XLSX table (parse alone, against reading the same cells with fastexcel; and parse plus the Redis
 * transaction), bulletin-like generation (both ranked tables, the bottom five and the overview paragraph, against a
 * plain sort-and-join of the same rows), and ranking queries through {@link CommandService} with the cache on and
 * off. Each figure is the median time and the median allocated bytes of several repetitions after warm-up.
 */
final class ScaleBench {
  /** ●信息发布情况, worded by the repository's bulletin.yaml (the bench runs from the repository root). */
  private static final OverviewParagraph OVERVIEW =
      new OverviewParagraph(BulletinTemplates.load(java.nio.file.Path.of("bot-config", "bulletin")));
  static final int[] IMPORT_ROWS = {500, 5_000, 10_000, 20_000, 50_000};
  static final int[] UNITS = {500, 5_000, 50_000};

  private final Options options;
  private final Results results;
  private final Map<String, Measure.Sample> samples = new java.util.HashMap<>();

  ScaleBench(Options options, Results results) {
    this.options = options;
    this.results = results;
  }

  void run() throws Exception {
    try (RedisLauncher server = RedisLauncher.start(Optional.of(Files.createTempDirectory("zwgk-bench-scale")));
        LettuceBaseline admin = new LettuceBaseline(server.uri())) {
      Vertx vertx = Vertx.vertx();
      Redis redis = Redis.connect(vertx, server.uri()).await();
      Configuration config = Configuration.load(Map.of("ZWGK_CONFIG_DIR", "bot-config",
          "DINGTALK_APP_SECRET", Callbacks.SECRET));
      warmUp();
      for (int n : IMPORT_ROWS) {
        admin.flushAll();
        imports(n, BenchStack.build(vertx, config, redis, Clock.systemUTC(), true));
      }
      for (int n : UNITS) {
        generation(n);
      }
      for (int n : UNITS) {
        admin.flushAll();
        queries(n, vertx, config, redis);
      }
      redis.close().await();
      vertx.close().await();
    }
    derived();
  }

  /** Ratios against each figure's baseline, and how time grows when the units grow tenfold. */
  private void derived() {
    for (int n : new int[] {500, 5_000, 10_000, 20_000}) {
      ratio("scale.ratio.import." + n + ".parse_vs_read_cells", "scale.import." + n + ".parse",
          "scale.import." + n + ".read_cells");
    }
    for (int n : UNITS) {
      ratio("scale.ratio.bulletin." + n + ".generate_vs_plain", "scale.bulletin." + n + ".generate",
          "scale.bulletin." + n + ".plain_sort_join");
      for (String q : List.of("ranking", "completion")) {
        ratio("scale.ratio.query." + n + "." + q + ".uncached_vs_cached", "scale.query." + n + ".uncached." + q,
            "scale.query." + n + ".cached." + q);
      }
    }
    ratio("scale.growth.import.parse.5000_vs_500", "scale.import.5000.parse", "scale.import.500.parse");
    ratio("scale.growth.import.parse.20000_vs_5000", "scale.import.20000.parse", "scale.import.5000.parse");
    for (String op : List.of("bulletin.plain_sort_join", "bulletin.generate", "bulletin.ranked_only",
        "bulletin.completion_reply", "query.cached.ranking", "query.cached.completion", "query.uncached.ranking",
        "query.uncached.completion")) {
      String[] parts = op.split("\\.", 2);
      ratio("scale.growth." + op + ".5000_vs_500", "scale." + parts[0] + ".5000." + parts[1],
          "scale." + parts[0] + ".500." + parts[1]);
      ratio("scale.growth." + op + ".50000_vs_5000", "scale." + parts[0] + ".50000." + parts[1],
          "scale." + parts[0] + ".5000." + parts[1]);
    }
  }

  private void ratio(String metric, String of, String to) {
    Measure.Sample a = samples.get(of + ".ms");
    Measure.Sample b = samples.get(to + ".ms");
    if (a != null && b != null) {
      results.put(metric, a.millis() / b.millis(), "x");
    }
  }

  /** Runs every measured code path on mid-sized data first, so the smallest size is not measured cold. */
  private void warmUp() {
    byte[] xlsx = Fixtures.xlsx(5_000);
    PeriodStats p = Fixtures.period(5_000);
    for (int i = 0; i < (options.quick() ? 2 : 10); i++) {
      readCells(xlsx);
      StatsImportParser.parse(xlsx, TableFormat.XLSX, Optional.empty());
      plainTables(p.rows());
      Replies.ranking(p, Optional.empty());
      OVERVIEW.of(p);
      Replies.completion(p.rows().get(i), p);
    }
  }

  private int reps(int n) {
    return options.quick() ? 2 : n >= 20_000 ? 5 : 9;
  }

  private void imports(int n, BenchStack.Built stack) {
    byte[] xlsx = Fixtures.xlsx(n);
    String m = "scale.import." + n + ".";
    results.put(m + "xlsx_kib", xlsx.length / 1024.0, "KiB");
    record(m + "read_cells", Measure.sample(2, reps(n), false, () -> readCells(xlsx)));
    ImportPlan plan = StatsImportParser.parse(xlsx, TableFormat.XLSX, Optional.empty());
    results.note(m + "outcome", plan.ok() ? "accepted " + plan.rows().size() + " rows"
        : "rejected: " + plan.errors().get(0).message());
    record(m + "parse", Measure.sample(2, reps(n), false,
        () -> StatsImportParser.parse(xlsx, TableFormat.XLSX, Optional.empty())));
    if (plan.ok()) {
      YearMonth period = YearMonth.of(2024, 4);
      String type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      record(m + "import_with_redis", Measure.sample(1, Math.min(reps(n), 5), true,
          () -> stack.importer().importTable(Actor.API, period, xlsx, type, Optional.empty(), true).await()));
    }
  }

  /** The least work that touches every cell: fastexcel's reader, each cell's raw text. */
  private static Integer readCells(byte[] xlsx) {
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      int[] chars = {0};
      wb.getFirstSheet().openStream().forEach(row -> row.forEach(cell -> {
        if (cell != null && cell.getRawValue() != null) {
          chars[0] += cell.getRawValue().length();
        }
      }));
      return chars[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void generation(int n) {
    PeriodStats p = Fixtures.period(n);
    String m = "scale.bulletin." + n + ".";
    int reps = reps(n);
    record(m + "plain_sort_join", Measure.sample(3, reps, false, () -> plainTables(p.rows())));
    record(m + "generate", Measure.sample(3, reps, false, () -> Replies.ranking(p, Optional.empty()) + "\n\n"
        + Replies.bottomFive(p) + "\n\n" + OVERVIEW.of(p)));
    record(m + "ranked_only", Measure.sample(3, reps, false, () -> p.ranked(Category.COUNTY_DEPT)));
    UnitStats middle = p.rows().get(n / 2);
    record(m + "completion_reply", Measure.sample(3, reps, false, () -> Replies.completion(middle, p)));
  }

  /** Both categories sorted by a double ratio and joined as numbered lines: the floor for the ranked tables. */
  private static String plainTables(List<UnitStats> rows) {
    StringBuilder out = new StringBuilder();
    for (Category c : Category.values()) {
      List<UnitStats> ranked = rows.stream().filter(r -> r.category() == c)
          .sorted(Comparator.comparingDouble((UnitStats r) -> -(double) r.total() / r.task())
              .thenComparing(UnitStats::unit)).toList();
      for (int i = 0; i < ranked.size(); i++) {
        UnitStats r = ranked.get(i);
        out.append(i + 1).append('、').append(r.unit()).append(' ').append(100.0 * r.total() / r.task()).append("%\n");
      }
    }
    return out.toString();
  }

  private void queries(int n, Vertx vertx, Configuration config, Redis redis) {
    List<UnitStats> rows = Fixtures.rows(n);
    String unit = rows.get(n / 2).unit();
    for (boolean cache : new boolean[] {true, false}) {
      CommandService commands = BenchStack.build(vertx, config, redis, Clock.systemUTC(), cache).commands();
      if (cache) {
        BenchStack.build(vertx, config, redis, Clock.systemUTC(), true).stats()
            .save(YearMonth.of(2024, 4), rows).await();
      }
      String m = "scale.query." + n + (cache ? ".cached." : ".uncached.");
      int reps = reps(n);
      record(m + "ranking", Measure.sample(3, reps, true, () -> ask(commands, "排名")));
      record(m + "completion", Measure.sample(3, reps, true, () -> ask(commands, "完成率 " + unit)));
      record(m + "help", Measure.sample(3, reps, true, () -> ask(commands, "帮助")));
    }
  }

  private static String ask(CommandService commands, String text) {
    return commands.handle(new CommandRequest("dingtalk", "staff1", "压测", text)).await().text();
  }

  private void record(String metric, Measure.Sample s) {
    samples.put(metric + ".ms", s);
    results.put(metric + ".ms", s.millis(), "ms");
    results.put(metric + ".alloc_mib", s.bytes() / 1048576.0, "MiB");
  }
}
