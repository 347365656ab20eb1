package io.zwgk.bot.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.zwgk.bot.chat.ChatPlatform;
import io.zwgk.bot.chat.DeliveryPolicy;
import io.zwgk.bot.chat.OutboundMessage;
import io.zwgk.bot.chat.Outbox;
import io.zwgk.bot.chat.OutboxEntry;
import io.zwgk.bot.chat.OutboxVerticle;
import io.zwgk.bot.chat.dingtalk.DingTalkPlatform;
import io.zwgk.bot.chat.feishu.FeishuPlatform;
import io.zwgk.bot.config.ChatConfig;
import io.zwgk.bot.config.GroupConfig;
import io.zwgk.bot.config.Secret;
import io.zwgk.bot.config.Settings;
import io.zwgk.bot.store.OutboxStore;
import io.zwgk.bot.store.RateLimitStore;
import io.zwgk.bot.store.Redis;
import io.zwgk.bot.store.RedisLauncher;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3: the outbox against a local sink on one supervised redis-server (AOF on, as in production). First
 * Redis's own pipelined XADD/XREADGROUP rate; then {@value #MESSAGES} messages over {@value #ROBOTS} DingTalk group
 * robots queued and dispatched with the limits lifted; then, with the real limits on and a sink that enforces them,
 * a few Feishu robots (5/s and 100/min) and DingTalk robots (20/min) in real time, against a strict sink (judges
 * on arrival, no slack) and a lenient one ({@link #TOLERANCE} of slack). Each paced run is observed for at most
 * twice the time a perfect sender needs plus 30 s.
 */
final class OutboxBench {
  static final int MESSAGES = 10_000;
  static final int ROBOTS = 500;
  /** The slack of the lenient sink: a message may arrive this much before its window strictly allows. */
  static final Duration TOLERANCE = Duration.ofMillis(50);

  private final Options options;
  private final Results results;
  private final Clock clock = Clock.systemUTC();
  private Vertx vertx;
  private Redis redis;
  private ReplySink sink;
  private WebClient web;

  OutboxBench(Options options, Results results) {
    this.options = options;
    this.results = results;
  }

  void run() throws Exception {
    try (RedisLauncher server = RedisLauncher.start(Optional.of(Files.createTempDirectory("zwgk-bench-outbox")));
        LettuceBaseline baseline = new LettuceBaseline(server.uri())) {
      vertx = Vertx.vertx();
      redis = Redis.connect(vertx, server.uri()).await();
      sink = ReplySink.start(vertx, 1, SinkLimits.none()).await();
      web = WebClient.create(vertx, new WebClientOptions().setUserAgent("zwgk-bot/1.0").setConnectTimeout(5000));
      String payload = new OutboxEntry("dingtalk", "压测群1", null, message(1, 0), false).encode();
      baseline.measure(MESSAGES, payload); // warm-up
      baseline.flushAll();
      LettuceBaseline.Rates base = baseline.measure(MESSAGES, payload);
      results.put("outbox.redis.xadd_per_s", base.addPerSecond(), "msg/s");
      results.put("outbox.redis.xreadgroup_xack_per_s", base.consumePerSecond(), "msg/s");
      results.put("outbox.redis.through_per_s", base.throughPerSecond(), "msg/s");
      baseline.flushAll();
      unlimited(base);
      baseline.flushAll();
      for (Duration tolerance : List.of(Duration.ZERO, TOLERANCE)) {
        paced(new PacedRun("feishu", 5, 100), tolerance);
        baseline.flushAll();
        if (!options.quick()) {
          paced(new PacedRun("dingtalk", 2, 21), tolerance);
          baseline.flushAll();
        }
      }
      redis.close().await();
      vertx.close().await();
    }
  }

  private void unlimited(LettuceBaseline.Rates base) {
    List<GroupConfig> groups = groups("dingtalk", ROBOTS);
    ChatPlatform dingtalk = new DingTalkPlatform(vertx, web, settings(), List.of(), clock);
    ChatConfig chat = new ChatConfig(List.of(), groups);
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> dingtalk.groups().maxTextBytes(), clock);
    long t0 = System.nanoTime();
    enqueue(outbox, groups, MESSAGES / ROBOTS);
    double enqueueSeconds = (System.nanoTime() - t0) / 1e9;
    sink.reset();
    sink.limits(SinkLimits.none());
    Future<Void> all = sink.groupMessagesReach(MESSAGES);
    long t1 = System.nanoTime();
    String id = vertx.deployVerticle(verticle(dingtalk, chat, outbox, DeliveryPolicy.defaults().unlimited()))
        .await();
    all.await();
    double dispatchSeconds = (System.nanoTime() - t1) / 1e9;
    vertx.undeploy(id).await();
    results.put("outbox.unlimited.enqueue_per_s", MESSAGES / enqueueSeconds, "msg/s");
    results.put("outbox.unlimited.dispatch_per_s", MESSAGES / dispatchSeconds, "msg/s");
    results.put("outbox.unlimited.through_per_s", MESSAGES / (enqueueSeconds + dispatchSeconds), "msg/s");
    results.put("outbox.ratio.enqueue_vs_xadd", MESSAGES / enqueueSeconds / base.addPerSecond(), "x");
    results.put("outbox.ratio.dispatch_vs_xreadgroup", MESSAGES / dispatchSeconds / base.consumePerSecond(), "x");
    results.put("outbox.ratio.through_vs_redis", MESSAGES / (enqueueSeconds + dispatchSeconds)
        / base.throughPerSecond(), "x");
    results.put("outbox.unlimited.throttled", sink.throttled(), "count");
    results.note("outbox.unlimited.each_once_in_order", checkDelivery(ROBOTS, MESSAGES / ROBOTS));
  }

  /** Robots of one platform, each with {@code perRobot} messages queued at once, under the platform's limits. */
  record PacedRun(String platform, int robots, int perRobot) {
  }

  private void paced(PacedRun run, Duration tolerance) {
    SinkLimits limits = SinkLimits.platforms(tolerance);
    List<GroupConfig> groups = groups(run.platform(), run.robots());
    ChatPlatform platform = run.platform().equals("feishu")
        ? new FeishuPlatform(vertx, web, settings(), List.of(), clock)
        : new DingTalkPlatform(vertx, web, settings(), List.of(), clock);
    ChatConfig chat = new ChatConfig(List.of(), groups);
    Outbox outbox = new Outbox(new OutboxStore(redis), chat, p -> platform.groups().maxTextBytes(), clock);
    enqueue(outbox, groups, run.perRobot());
    sink.reset();
    sink.limits(limits);
    long idealNanos = limits.idealSpanNanos(run.platform(), run.perRobot());
    long observe = 2 * idealNanos / 1_000_000 + 30_000;
    Future<Void> all = sink.groupMessagesReach((long) run.robots() * run.perRobot());
    String id = vertx.deployVerticle(verticle(platform, chat, outbox, DeliveryPolicy.defaults())).await();
    all.timeout(observe, TimeUnit.MILLISECONDS).otherwiseEmpty().await();
    long end = System.nanoTime();
    vertx.undeploy(id).await();
    String m = "outbox.paced." + run.platform() + (tolerance.isZero() ? ".strict." : ".lenient.");
    double[] fractions = sink.robots().values().stream().mapToDouble(r -> achieved(r, limits, run, end)).toArray();
    results.put(m + "allowance_achieved_median", Measure.median(fractions), "fraction");
    results.put(m + "allowance_achieved_worst", Arrays.stream(fractions).min().orElse(Double.NaN), "fraction");
    results.put(m + "throttled", sink.throttled(), "count");
    results.put(m + "worst_early_ms", sink.worstShortfallNanos() / 1e6, "ms");
    results.note(m + "each_once_in_order", checkDelivery(run.robots(), run.perRobot()));
  }

  /**
   * The share of its allowance a robot used: the least time the limits permit for the messages it got, over the
   * time it took (to its last message when it got all, else to the end of the observation).
   */
  private static double achieved(ReplySink.Robot robot, SinkLimits limits, PacedRun run, long end) {
    List<Long> at = robot.arrivals();
    if (at.size() < 2) {
      return 0;
    }
    long until = at.size() == run.perRobot() ? at.get(at.size() - 1) : end;
    return (double) limits.idealSpanNanos(run.platform(), at.size()) / (until - at.get(0));
  }

  private OutboxVerticle verticle(ChatPlatform platform, ChatConfig chat, Outbox outbox, DeliveryPolicy policy) {
    return new OutboxVerticle(new OutboxStore(redis), new RateLimitStore(redis), Map.of(platform.name(), platform),
        chat, outbox, policy, clock);
  }

  private List<GroupConfig> groups(String platform, int n) {
    String base = "http://127.0.0.1:" + sink.port();
    List<GroupConfig> groups = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String hook = platform.equals("feishu") ? base + "/open-apis/bot/v2/hook/r" + i
          : base + "/robot/send?access_token=r" + i;
      groups.add(new GroupConfig("压测群" + i, platform, "default", Optional.empty(), Optional.of(new Secret(hook)),
          Optional.empty(), false, false, List.of()));
    }
    return groups;
  }

  /** Queues {@code perGroup} messages to every group, round-robin, 256 at a time; seq k is the k-th of its group. */
  private static void enqueue(Outbox outbox, List<GroupConfig> groups, int perGroup) {
    List<Future<Boolean>> batch = new ArrayList<>();
    for (int k = 0; k < perGroup; k++) {
      for (int g = 0; g < groups.size(); g++) {
        batch.add(outbox.toGroup(groups.get(g), message(g, k), "bench:" + g + ":" + k));
        if (batch.size() == 256) {
          Future.all(batch).await();
          batch.clear();
        }
      }
    }
    Future.all(batch).await();
  }

  private static OutboundMessage message(int group, int seq) {
    return OutboundMessage.of("政务公开提醒", "**县第" + group + "单位**：本月信息发布进度落后时序进度 12 条，请于 5 个工作日内补发。"
        + "栏目「工作动态」已 35 天未更新。seq=" + seq + ";");
  }

  private Settings settings() {
    return Settings.fromEnv(Map.of("ZWGK_OUTBOUND_TIMEOUT_MS", "5000"));
  }

  /**
   * "yes" when every robot got each of its messages once, in order; "partly: …" when some were still waiting (for a
   * throttled robot's rest) at the end of the observation, but what arrived was in order and without duplicates;
   * "no: …" when a message arrived twice or out of order.
   */
  private String checkDelivery(int robots, int perRobot) {
    int delivered = 0;
    for (var e : sink.robots().entrySet()) {
      List<Integer> seqs = e.getValue().seqs();
      for (int k = 0; k < seqs.size(); k++) {
        if (seqs.get(k) != k) {
          return "no: robot " + e.getKey() + " got seq " + seqs.get(k) + " as its message " + k;
        }
      }
      delivered += seqs.size();
    }
    int expected = robots * perRobot;
    return delivered == expected ? "yes" : "partly: " + delivered + " of " + expected
        + " delivered in the observation, in order, none twice";
  }
}
