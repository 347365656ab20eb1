package io.zwgk.bot.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import io.zwgk.bot.Configuration;
import io.zwgk.bot.Main;
import io.zwgk.bot.Services;
import io.zwgk.bot.http.HttpVerticle;
import io.zwgk.bot.store.DedupeStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLauncher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * A server under test, run in its own JVM by {@link Child}: {@code bare} (a Vert.x route answering 200 through the
 * service's own {@link HttpVerticle}), {@code floor} (only the path's I/O: JSON body, one Redis claim, one reply),
 * {@code app} (the service exactly as {@code java -jar zwgk-bot.jar serve} runs
 * it: {@link Main} with a supervised local redis-server), {@code stack} / {@code stack-nocache} ({@link BenchStack}
 * with the statistics cache on or off, on a supervised redis-server too). Configuration comes from the environment,
 * as for the real service. Prints {@code READY port=…} on stdout, then answers {@code stats} and {@code gc-stats} on
 * stdin with a {@code STATS {json}} line: its own VmRSS, its redis-server's VmRSS, heap and non-heap use.
 */
public final class ServerMain {
  private ServerMain() {
  }

  public static void main(String[] args) throws IOException {
    long entered = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    int port = switch (args[0]) {
      case "bare" -> bare();
      case "floor" -> floor();
      case "app" -> app();
      case "stack" -> stack(true);
      case "stack-nocache" -> stack(false);
      default -> throw new IllegalArgumentException("unknown server " + args[0]);
    };
    long ready = System.currentTimeMillis();
    System.out.println("READY port=" + port + " jvmMs=" + (entered - jvmStart) + " startMs=" + (ready - entered));
    System.out.flush();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
      if (line.equals("gc-stats")) {
        System.gc();
        System.gc();
      }
      System.out.println("STATS " + stats().encode());
      System.out.flush();
    }
    System.exit(0);
  }

  private static int bare() {
    Vertx vertx = Vertx.vertx();
    int port = HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      router.post("/hooks/dingtalk").handler(rc -> rc.response().setStatusCode(200).end());
      return router;
    }, "127.0.0.1", Integer.parseInt(System.getenv().getOrDefault("ZWGK_HTTP_PORT", "0")),
        HttpVerticle.defaultInstances()).await().port(); // blocking-ok: main thread of a benchmark child
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
    return port;
  }


  private static int app() {
    Main.main(new String[] {"serve"});
    return Integer.parseInt(System.getenv("ZWGK_HTTP_PORT"));
  }

  /**
   * The least any implementation of the command path must do, with the same parts: read the body, parse it as JSON,
   * claim its {@code msgId} in Redis ({@code SET NX EX}), answer 200, POST a fixed reply to its {@code sessionWebhook}.
   * No signature, no command, no rendering, no logging, no metrics.
   */
  private static int floor() {
    Configuration config = Configuration.load(System.getenv());
    RedisLauncher local = RedisLauncher.start(Optional.of(config.settings().dataDir()));
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.connect(vertx, local.uri()).await(); // blocking-ok: main thread of a benchmark child
    DedupeStore dedupe = new DedupeStore(redis);
    WebClient web = Services.webClient(vertx, config.settings());
    Buffer reply = new JsonObject().put("msgtype", "text")
        .put("text", new JsonObject().put("content", "县农业农村局：完成率 100%")).toBuffer();
    int port = HttpVerticle.deploy(vertx, v -> {
      Router router = Router.router(v);
      router.post("/hooks/dingtalk").handler(BodyHandler.create(false).setBodyLimit(64 * 1024)).handler(rc -> {
        JsonObject body = rc.body().asJsonObject();
        dedupe.claim("dingtalk", body.getString("msgId")).onComplete(first -> {
          rc.response().setStatusCode(200).end();
          web.postAbs(body.getString("sessionWebhook")).timeout(5_000).sendBuffer(reply);
        });
      });
      return router;
    }, "127.0.0.1", config.settings().httpPort(), HttpVerticle.defaultInstances()).await().port();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      local.close();
    }));
    return port;
  }

  private static int stack(boolean cache) {
    Configuration config = Configuration.load(System.getenv());
    RedisLauncher local = RedisLauncher.start(Optional.of(config.settings().dataDir()));
    Vertx vertx = Vertx.vertx();
    Redis redis = Redis.connect(vertx, local.uri()).await(); // blocking-ok: main thread of a benchmark child
    int port = BenchStack.start(vertx, config, redis, Clock.system(config.settings().zone()), cache).await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      vertx.close().await();
      local.close();
    }));
    return port;
  }

  private static JsonObject stats() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long redisRss = ProcessHandle.current().descendants()
        .filter(p -> p.info().command().map(c -> c.contains("redis-server")).orElse(false))
        .mapToLong(p -> Measure.rssKb(p.pid())).sum();
    return new JsonObject()
        .put("rssKb", Measure.rssKb(ProcessHandle.current().pid()))
        .put("redisRssKb", redisRss)
        .put("heapUsed", memory.getHeapMemoryUsage().getUsed())
        .put("heapCommitted", memory.getHeapMemoryUsage().getCommitted())
        .put("nonHeapUsed", memory.getNonHeapMemoryUsage().getUsed())
        .put("threads", ManagementFactory.getThreadMXBean().getThreadCount());
  }
}
