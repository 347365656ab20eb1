package io.zwgk.bot;

import io.vertx.core.Vertx;
import io.zwgk.bot.access.Actor;
import io.zwgk.bot.chat.CommandRequest;
import io.zwgk.bot.chat.Reply;
import io.zwgk.bot.config.ConfigException;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.stats.Category;
import io.zwgk.bot.stats.ImportRejectedException;
import io.zwgk.bot.stats.ImportResult;
import io.zwgk.bot.store.RedisLauncher;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point. {@code serve} (the default) runs the service; {@code import} loads a statistics table into the store;
 * {@code ask} prints the answer to a command exactly as a chat group would see it. Without {@code REDIS_URL} a local
 * redis-server is supervised under {@code ZWGK_DATA_DIR}; the command-line tools reuse the one a running service
 * supervises.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  static final String USAGE = """
      用法 (usage):
        java -jar zwgk-bot.jar [serve]                                    运行服务
        java -jar zwgk-bot.jar import --period 2024-04 [--category 县直单位|乡镇] [--accept-new-units] FILE
                                                                          导入统计表 (CSV/XLSX)
        java -jar zwgk-bot.jar ask "完成率 水利局"                           打印机器人的回答
        java -jar zwgk-bot.jar check-config                               检查环境变量和 bot-config/
      """;

  private Main() {
  }

  public static void main(String[] args) {
    int code;
    try {
      code = run(args, System.out);
    } catch (ConfigException | IllegalArgumentException e) {
      System.err.println(e.getMessage());
      code = 2;
    } catch (Exception e) { // Future.await() rethrows checked causes unchecked
      System.err.println("失败 (failed): " + e.getMessage());
      log.debug("failure", e);
      code = 1;
    }
    if (code >= 0) {
      System.exit(code);
    }
  }

  /** Runs a mode; returns the exit code, or -1 when the service keeps running. */
  static int run(String[] args, PrintStream out) {
    return run(args, out, System.getenv());
  }

  /** {@link #run(String[], PrintStream)} with the environment given. */
  static int run(String[] args, PrintStream out, Map<String, String> env) {
    String mode = args.length == 0 ? "serve" : args[0];
    if (List.of("help", "--help", "-h").contains(mode)) {
      out.print(USAGE);
      return 0;
    }
    if (mode.equals("check-config")) {
      return checkConfig(env, out);
    }
    CliArgs cli = mode.equals("import") ? CliArgs.parse(args, 1) : null;
    YearMonth period = mode.equals("import") ? cli.period() : null; // a bad --period fails before anything starts
    Configuration config = Configuration.load(env);
    return switch (mode) {
      case "serve" -> serve(config);
      case "import" -> withApp(config, app -> importFile(app, cli, period, out));
      case "ask" -> withApp(config, app -> {
        app.loadDemo().await(); // blocking-ok: cli
        return ask(app, args, out);
      });
      default -> throw new IllegalArgumentException("未知的命令 (unknown mode) " + mode + "\n" + USAGE);
    };
  }

  /** Prints every configuration problem, one per line; 1 when there is any, 0 when the service would start. */
  private static int checkConfig(Map<String, String> env, PrintStream out) {
    ConfigCheck.Result result = ConfigCheck.run(env);
    if (result.configuration().isEmpty()) {
      List<String> problems = result.problems();
      out.println("配置有 " + problems.size() + " 个问题 (" + problems.size() + " configuration problems):");
      problems.forEach(p -> out.println("  " + p));
      return 1;
    }
    Configuration config = result.configuration().orElseThrow();
    out.println("配置无误 (configuration OK): " + config.bot().units().size() + " 个单位, "
        + config.chat().robots().size() + " 个机器人, " + config.chat().groups().size() + " 个群");
    ConfigCheck.warnings(config).forEach(w -> out.println("  注意 (warning): " + w));
    return 0;
  }

  private static int serve(Configuration config) {
    Service.serve(config);
    return -1;
  }

  /** Builds the services against the service's Redis (or a temporary local one), runs {@code body}, stops. */
  private static int withApp(Configuration config, Function<App, Integer> body) {
    Settings settings = config.settings();
    Optional<String> running = settings.redisUrl().or(() -> RedisLauncher.runningFor(settings.dataDir()));
    Optional<RedisLauncher> local = running.isPresent() ? Optional.empty()
        : Optional.of(RedisLauncher.start(Optional.of(settings.dataDir())));
    // Ctrl-C during a long import must not leave the temporary redis-server running on the data directory.
    Thread hook = new Thread(() -> local.ifPresent(RedisLauncher::close), "zwgk-cli-shutdown");
    local.ifPresent(l -> Runtime.getRuntime().addShutdownHook(hook));
    try {
      Vertx vertx = Vertx.vertx();
      try {
        App app = App.build(vertx, config, running.orElseGet(() -> local.get().uri()), Clock.system(settings.zone()))
            .await(); // blocking-ok: cli
        try {
          return body.apply(app);
        } finally {
          app.stop().await(); // blocking-ok: cli
        }
      } finally {
        vertx.close().await(); // blocking-ok: cli
      }
    } finally {
      local.ifPresent(RedisLauncher::close);
      local.ifPresent(l -> removeHook(hook));
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook closes the launcher again, which is harmless
    }
  }

  private static int importFile(App app, CliArgs cli, YearMonth period, PrintStream out) {
    Path file = Path.of(cli.positional().orElseThrow(() -> new IllegalArgumentException("缺少文件 (missing FILE)\n" + USAGE)));
    Optional<Category> category = cli.option("--category").map(c -> Category.parse(c)
        .orElseThrow(() -> new IllegalArgumentException("--category 只能是 县直单位 或 乡镇")));
    byte[] body = readFile(file);
    String type = file.toString().toLowerCase().endsWith(".xlsx")
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
    try {
      ImportResult result = app.services().importer()
          .importTable(Actor.admin("cli", "命令行"), period, body, type, category, cli.flag("--accept-new-units")).await(); // blocking-ok: cli
      out.println("已导入 " + result.rows() + " 行 (" + period + ")，新增单位 " + result.newUnits().size() + " 个"
          + (result.newUnits().isEmpty() ? "" : "：" + String.join("、", result.newUnits()))
          + (result.readAsGb18030() ? "（GB18030 编码）" : ""));
      result.warnings().forEach(w -> out.println("提示：第 " + w.row() + " 行 " + w.message()));
      return 0;
    } catch (ImportRejectedException e) {
      out.println(e.getMessage());
      e.errors().forEach(out::println);
      return 1;
    }
  }

  private static int ask(App app, String[] args, PrintStream out) {
    String text = String.join(" ", java.util.Arrays.copyOfRange(args, 1, args.length));
    Reply reply = app.services().commands().handle(new CommandRequest("cli", "cli", "", text)).await(); // blocking-ok: cli
    out.println(reply.text());
    return 0;
  }

  private static byte[] readFile(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("无法读取文件 (cannot read) " + file + ": " + e.getMessage());
    }
  }

}
