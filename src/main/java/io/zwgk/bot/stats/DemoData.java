package io.zwgk.bot.stats;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.zwgk.bot.access.Actor;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo tables of {@code bot-config/demo/} (files named {@code YYYY-MM-<类别>.csv}) into an empty store, so a
 * newcomer's first {@code 完成率} gets a real answer. Does nothing when any statistics exist.
 */
public final class DemoData {
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2})-(.+)\\.csv");

  private DemoData() {
  }

  /** Imports every demo table when the store is empty; the future holds the number of tables imported. */
  public static Future<Integer> loadIfEmpty(Vertx vertx, StatsStore store, StatsImporter importer, Path demoDir) {
    return store.latestPeriod().compose(latest -> {
      if (latest.isPresent()) {
        return Future.succeededFuture(0);
      }
      return vertx.fileSystem().exists(demoDir.toString())
          .compose(exists -> exists ? vertx.fileSystem().readDir(demoDir.toString()) : Future.succeededFuture(List.of()))
          .compose(files -> importAll(vertx, importer, files.stream().sorted().toList()));
    });
  }

  private static Future<Integer> importAll(Vertx vertx, StatsImporter importer, List<String> files) {
    Future<Integer> chain = Future.succeededFuture(0);
    for (String file : files) {
      Matcher m = NAME.matcher(Path.of(file).getFileName().toString());
      if (!m.matches()) {
        continue;
      }
      YearMonth period = Periods.parse(m.group(1));
      Optional<Category> category = Category.parse(m.group(2));
      chain = chain.compose(n -> vertx.fileSystem().readFile(file)
          .compose(buf -> importer.importTable(Actor.admin("", "演示数据"), period, buf.getBytes(), "text/csv", category))
          .map(r -> {
            log.info("demo data: {} rows from {}", r.rows(), Path.of(file).getFileName());
            return n + 1;
          }));
    }
    return chain;
  }
}
