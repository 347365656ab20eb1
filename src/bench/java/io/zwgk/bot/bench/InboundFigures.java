package io.zwgk.bot.bench;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/** Turns what the inbound load found into figures: per server, then the ratios between servers of the same run. */
final class InboundFigures {
  private final Results results;
  private final ReplySink sink;

  InboundFigures(Results results, ReplySink sink) {
    this.results = results;
    this.sink = sink;
  }

  void server(InboundServer s) {
    String m = "inbound." + s.name + ".";
    results.put(m + "saturation.rps", s.saturationRps(), "req/s");
    results.put(m + "saturation.errors", s.saturation.stream().mapToLong(LoadGenerator.ClosedResult::errors).sum(),
        "count");
    if (s.replies()) {
      long inTime = s.saturation.stream().mapToLong(this::repliesBy).sum();
      results.put(m + "saturation.replies_per_s", inTime / s.saturationSeconds(), "replies/s");
    }
    results.put(m + "cpu_ms_per_1000_req", s.cpuMillisPerRequest() * 1000, "CPU ms");
    results.put(m + "redis_cpu_ms_per_1000_req", s.saturationCpu[1] * 1000.0 / s.saturationCompleted(), "CPU ms");
    String f = m + "rate" + InboundBench.RATE + ".";
    long[] lat = s.fixedLatencies();
    results.put(f + "p50_ms", Measure.percentileMillis(lat, 50), "ms");
    results.put(f + "p99_ms", Measure.percentileMillis(lat, 99), "ms");
    results.put(f + "p999_ms", Measure.percentileMillis(lat, 99.9), "ms");
    results.put(f + "max_ms", Measure.percentileMillis(lat, 100), "ms");
    results.put(f + "errors", s.fixed.stream().mapToLong(LoadGenerator.OpenResult::errors).sum(), "count");
    results.put(f + "cpu_cores", s.fixedCpu[0] / 1000.0 / s.fixedWallSeconds, "cores");
    if (s.replies()) {
      long[] e2e = s.fixed.stream().flatMapToLong(this::endToEnd).sorted().toArray();
      results.put(f + "reply_p50_ms", Measure.percentileMillis(e2e, 50), "ms");
      results.put(f + "reply_p99_ms", Measure.percentileMillis(e2e, 99), "ms");
      results.put(f + "replies_missing", lat.length - e2e.length, "count");
    }
    memory(s.name + ".under_load", s.underLoad);
  }

  /** Replies to a slice's callbacks that reached the sink before the slice ended. */
  private long repliesBy(LoadGenerator.ClosedResult r) {
    long n = 0;
    for (long seq = r.firstSeq(); seq < r.endSeq(); seq++) {
      long at = sink.replyAt(seq);
      if (at != 0 && at <= r.endNanos()) {
        n++;
      }
    }
    return n;
  }

  /** From each callback's scheduled send time to its reply's arrival at the sink (ns). */
  private LongStream endToEnd(LoadGenerator.OpenResult r) {
    long[] scheduled = r.scheduledAt();
    return IntStream.range(0, scheduled.length).mapToLong(i -> {
      long at = sink.replyAt(r.firstSeq() + i);
      return at == 0 ? -1 : at - scheduled[i];
    }).filter(l -> l >= 0);
  }

  void memory(String prefix, JsonObject stats) {
    String m = "inbound." + prefix + ".";
    results.put(m + "rss_mib", stats.getLong("rssKb") / 1024.0, "MiB");
    results.put(m + "redis_rss_mib", stats.getLong("redisRssKb") / 1024.0, "MiB");
    results.put(m + "heap_used_mib", stats.getLong("heapUsed") / 1048576.0, "MiB");
    results.put(m + "heap_committed_mib", stats.getLong("heapCommitted") / 1048576.0, "MiB");
  }

  void ratios(Map<String, InboundServer> servers) {
    InboundServer bare = servers.get("bare");
    InboundServer floor = servers.get("floor");
    InboundServer app = servers.get("app");
    InboundServer on = servers.get("stack");
    InboundServer off = servers.get("stack-nocache");
    results.put("inbound.ratio.app_vs_bare.rps", app.saturationRps() / bare.saturationRps(), "x");
    results.put("inbound.ratio.floor_vs_bare.rps", floor.saturationRps() / bare.saturationRps(), "x");
    results.put("inbound.ratio.app_vs_floor.rps", app.saturationRps() / floor.saturationRps(), "x");
    results.put("inbound.ratio.app_vs_floor.cpu_per_req", app.cpuMillisPerRequest() / floor.cpuMillisPerRequest(),
        "x");
    results.put("inbound.ratio.stack_vs_bare.rps", on.saturationRps() / bare.saturationRps(), "x");
    results.put("inbound.ratio.app_vs_bare.cpu_per_req", app.cpuMillisPerRequest() / bare.cpuMillisPerRequest(), "x");
    results.put("inbound.ratio.app_vs_bare.p99", p99(app) / p99(bare), "x");
    results.put("inbound.ratio.cache_on_vs_off.rps", on.saturationRps() / off.saturationRps(), "x");
    results.put("inbound.ratio.cache_off_vs_on.cpu_per_req", off.cpuMillisPerRequest() / on.cpuMillisPerRequest(),
        "x");
    results.put("inbound.ratio.cache_off_vs_on.p99", p99(off) / p99(on), "x");
  }

  private static double p99(InboundServer s) {
    return Measure.percentileMillis(s.fixedLatencies(), 99);
  }
}
