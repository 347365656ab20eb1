package io.zwgk.bot.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.zwgk.bot.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigTest {
  @TempDir
  Path dir;

  private MonitorConfig load(String yaml) throws IOException {
    Files.writeString(dir.resolve("monitor.yaml"), yaml, StandardCharsets.UTF_8);
    return MonitorConfig.load(dir, List.of("县水利局", "大阿镇政府"));
  }

  private List<String> errors(String yaml) {
    try {
      load(yaml);
    } catch (ConfigException e) {
      return e.errors();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("no ConfigException");
  }

  @Test
  @DisplayName("the shipped monitor.yaml loads: the 政务服务中心's address and phone, the dictionary, the schedule")
  void shipped() {
    MonitorConfig config = MonitorConfig.load(Path.of("bot-config"));

    assertThat(config.guide().address()).contains("信丰县5G产业园政务服务中心一楼");
    assertThat(config.guide().phone()).contains("0797—7177965");
    assertThat(config.dictionary()).containsEntry("攻府", "政府").containsEntry("扫黑险恶", "扫黑除恶");
    assertThat(config.schedule()).isPresent();
    assertThat(config.crawl().perHostConcurrency()).isEqualTo(2);
    assertThat(config.allows(java.net.URI.create("https://www.xinfeng.gov.cn/"))).isTrue();
    assertThat(config.overridesRobots(java.net.URI.create("http://WWW.XINFENG.GOV.CN/a.html"))).isTrue();
    assertThat(config.robotsToken()).isEqualTo("zwgk-bot");
  }

  @Test
  @DisplayName("omitted values take the defaults; a unit inherits the file's guide unless it overrides a line")
  void defaults() throws IOException {
    MonitorConfig config = load("""
        allowedHosts: [127.0.0.1]
        guide: {address: 政务服务中心一楼, phone: "0797-7177965"}
        units:
          - name: 县水利局
            homePage: http://127.0.0.1/slj/
          - name: 大阿镇政府
            guidePage: http://127.0.0.1/da/zn.html
            guide: {phone: "0797-1234567"}
        """);

    assertThat(config.crawl()).isEqualTo(MonitorConfig.Crawl.defaults());
    assertThat(config.userAgent()).isEqualTo(MonitorConfig.DEFAULT_USER_AGENT);
    assertThat(config.schedule()).isEmpty();
    assertThat(config.site("县水利局").orElseThrow().guide().phone()).contains("0797-7177965");
    assertThat(config.site("大阿镇政府").orElseThrow().guide().phone()).contains("0797-1234567");
    assertThat(config.site("大阿镇政府").orElseThrow().guide().address()).contains("政务服务中心一楼");
    assertThat(config.site("大阿镇政府").orElseThrow().homePage()).isEmpty();
  }

  @Test
  @DisplayName("every mistake is reported at once with the file and field")
  void errorsNameFileAndField() {
    List<String> errors = errors("""
        userAgent: ""
        crawl: {perHostConcurrency: 0, requestTimeoutSeconds: 500}
        allowedHosts: [127.0.0.1, "http://x.cn/a"]
        robotsOverride: [other.cn]
        schedule: "61 * * * *"
        zone: Mars/Base
        guide: {phone: "12"}
        dateSelectors: {127.0.0.1: "li[[["}
        dictionary: {攻府: 攻府}
        units:
          - name: 县水利局
            homePage: http://elsewhere.cn/
          - name: 县水利局
          - name: 县气象局
            guidePage: "ftp://127.0.0.1/a"
        """);

    String file = dir.resolve("monitor.yaml").toString();
    assertThat(errors).allMatch(e -> e.startsWith(file + ": "));
    assertThat(String.join("\n", errors)).contains("userAgent:", "crawl.perHostConcurrency: must be 1 to 8",
        "crawl.requestTimeoutSeconds", "allowedHosts[1]", "robotsOverride[0]: not in allowedHosts", "schedule:",
        "zone:", "guide.phone", "dateSelectors.127.0.0.1", "dictionary.攻府",
        "units[0].homePage: host elsewhere.cn is not in allowedHosts", "units[1].name: listed twice",
        "units[2].name: not a unit of units.yaml: 县气象局", "units[2].guidePage: not an http(s) address");
  }

  @Test
  @DisplayName("unknown fields, wrong types and bad YAML are errors with the field path")
  void shape() {
    assertThat(errors("crawl: {pageBudet: 5}\n")).singleElement().asString().contains("crawl.pageBudet", "unknown field");
    assertThat(errors("units: 5\n")).singleElement().asString().contains("units", "expected a list");
    assertThat(errors("dictionary:\n  攻府: 政府\n  攻府: 政府\n")).singleElement().asString().contains("Duplicate");
    assertThat(errors("crawl: [\n")).singleElement().asString().contains("YAML syntax error");
  }

  @Test
  @DisplayName("an unknown field is reported at the line it is written on, not where the parser stopped")
  void unknownFieldLine() {
    assertThat(errors("""
        userAgent: zwgk-bot
        crawl:
          bogus: 1
          pageBudget: 5
        schedule: "0 9 * * 1-5"
        """)).containsExactly(dir.resolve("monitor.yaml") + ": crawl.bogus: unknown field (expected one of:"
        + " maxAttachmentMiB, maxImageMiB, maxPageMiB, newestItemsPerColumn, pageBudget, perHostConcurrency,"
        + " perHostDelayMillis, requestTimeoutSeconds, runDeadlineMinutes) (line 3)");
  }

  @Test
  @DisplayName("a missing file switches the monitor off; an empty one too")
  void missing() throws IOException {
    assertThat(MonitorConfig.load(dir)).isEqualTo(MonitorConfig.disabled());
    assertThat(load("")).isEqualTo(MonitorConfig.disabled());
  }

  @Test
  @DisplayName("crawl values within range are taken as written")
  void crawl() throws IOException {
    MonitorConfig config = load("""
        crawl: {perHostConcurrency: 3, perHostDelayMillis: 0, requestTimeoutSeconds: 2, pageBudget: 10,
                newestItemsPerColumn: 0}
        """);
    assertThat(config.crawl()).isEqualTo(new MonitorConfig.Crawl(3, Duration.ZERO, Duration.ofSeconds(2), 10, 0));
    assertThat(config.dateSelector("x")).isEqualTo(Optional.empty());
  }

  @Test
  @DisplayName("byte caps, the run deadline and host:port entries are read; bad ones name the file and field")
  void capsDeadlineAndPorts() throws IOException {
    MonitorConfig config = load("""
        crawl: {maxPageMiB: 2, maxAttachmentMiB: 30, maxImageMiB: 4, runDeadlineMinutes: 90}
        allowedHosts: [www.xinfeng.gov.cn, "www.xinfeng.gov.cn:8080"]
        units:
          - name: 县水利局
            homePage: http://www.xinfeng.gov.cn:8080/slj/
        """);
    assertThat(config.crawl().caps()).isEqualTo(new MonitorConfig.Caps(2 * MonitorConfig.Caps.MIB,
        30 * MonitorConfig.Caps.MIB, 4 * MonitorConfig.Caps.MIB));
    assertThat(config.crawl().runDeadline()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.crawl().requestTimeout()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.allows(java.net.URI.create("http://www.xinfeng.gov.cn:8080/a"))).isTrue();
    assertThat(config.allows(java.net.URI.create("http://www.xinfeng.gov.cn:6379/a"))).isFalse();
    assertThat(load("allowedHosts: [a.cn]\n").crawl().caps()).isEqualTo(MonitorConfig.Caps.defaults());

    List<String> errors = errors("""
        crawl: {maxPageMiB: 0, maxAttachmentMiB: 101, maxImageMiB: -1, runDeadlineMinutes: 0}
        allowedHosts: ["a.cn:70000", "a.cn:"]
        units:
          - name: 县水利局
            homePage: http://b.cn:8080/
        """);
    String file = dir.resolve("monitor.yaml").toString();
    assertThat(errors).allMatch(e -> e.startsWith(file + ": "));
    assertThat(String.join("\n", errors)).contains("crawl.maxPageMiB: must be 1 to 100",
        "crawl.maxAttachmentMiB: must be 1 to 100", "crawl.maxImageMiB", "crawl.runDeadlineMinutes",
        "allowedHosts[0]", "allowedHosts[1]", "units[0].homePage: host b.cn:8080 is not in allowedHosts");
  }
}
