package io.zwgk.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

  @Test
  @DisplayName("an empty environment gives the documented defaults")
  void defaults() {
    Settings s = Settings.fromEnv(Map.of());

    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.httpHost()).isEqualTo("0.0.0.0");
    assertThat(s.configDir()).isEqualTo(Path.of("./bot-config"));
    assertThat(s.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(s.redisUrl()).isEmpty();
    assertThat(s.adminToken()).isEmpty();
    assertThat(s.demo()).isTrue();
    assertThat(s.dingtalkAppSecret()).isEmpty();
    assertThat(s.dingtalkApiBase()).isEqualTo("https://api.dingtalk.com");
    assertThat(s.outboundTimeoutMs()).isEqualTo(5000);
    assertThat(s.publicUrl()).isEmpty();
    assertThat(s.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(s.metricsToken()).isEmpty();
    assertThat(s.logFormat()).isEqualTo("text");
    assertThat(s.maxConnectionsPerAddress()).isEqualTo(64);
  }

  @Test
  @DisplayName("every variable is read into its setting")
  void readsEveryVariable() {
    Settings s = Settings.fromEnv(fullEnv());

    assertThat(s.httpPort()).isEqualTo(9090);
    assertThat(s.httpHost()).isEqualTo("127.0.0.1");
    assertThat(s.configDir()).isEqualTo(Path.of("/etc/zwgk"));
    assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/zwgk"));
    assertThat(s.redisUrl()).contains("redis://:redis-pass-42@redis.local:6380/1");
    assertThat(s.adminToken()).map(Secret::value).contains("admin-token-42");
    assertThat(s.demo()).isFalse();
    assertThat(s.dingtalkAppSecret()).map(Secret::value).contains("dingtalk-secret-42");
    assertThat(s.dingtalkApiBase()).isEqualTo("http://localhost:8089");
    assertThat(s.outboundTimeoutMs()).isEqualTo(1500);
    assertThat(s.publicUrl()).contains("https://zwgk.example.gov.cn/bot");
    assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.metricsToken()).map(Secret::value).contains("metrics-token-42");
    assertThat(s.logFormat()).isEqualTo("json");
    assertThat(s.maxConnectionsPerAddress()).isEqualTo(500);
  }

  @Test
  @DisplayName("blank variables count as unset and take the default")
  void blankIsUnset() {
    Settings s = Settings.fromEnv(Map.of("ZWGK_HTTP_PORT", " ", "ZWGK_ADMIN_TOKEN", "", "REDIS_URL", "  "));

    assertThat(s.httpPort()).isEqualTo(8080);
    assertThat(s.adminToken()).isEmpty();
    assertThat(s.redisUrl()).isEmpty();
  }

  @Test
  @DisplayName("port 0 is accepted and means any free port")
  void portZero() {
    assertThat(Settings.fromEnv(Map.of("ZWGK_HTTP_PORT", "0")).httpPort()).isZero();
  }

  @Test
  @DisplayName("a non-numeric port is rejected with a message naming the variable and the value")
  void badPortMessage() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("ZWGK_HTTP_PORT", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("ZWGK_HTTP_PORT: not a port number: \"abc\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "65536", "8080x", "80.5"})
  @DisplayName("ports outside 0..65535 or not whole numbers are rejected")
  void portRange(String port) {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("ZWGK_HTTP_PORT", port)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ZWGK_HTTP_PORT: not a port number");
  }

  @ParameterizedTest
  @CsvSource({"true,true", "false,false", "1,true", "0,false", "yes,true", "no,false", "TRUE,true", "No,false"})
  @DisplayName("ZWGK_DEMO accepts true/false, 1/0 and yes/no")
  void demoFlag(String value, boolean expected) {
    assertThat(Settings.fromEnv(Map.of("ZWGK_DEMO", value)).demo()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"on", "y", "2", "maybe"})
  @DisplayName("ZWGK_DEMO rejects anything else")
  void demoFlagRejectsOthers(String value) {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("ZWGK_DEMO", value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("ZWGK_DEMO: not a boolean");
  }

  @ParameterizedTest
  @CsvSource({
      "ZWGK_OUTBOUND_TIMEOUT_MS, 0, not a number of milliseconds from 1 to 10000",
      "ZWGK_OUTBOUND_TIMEOUT_MS, 5s, not a number of milliseconds from 1 to 10000",
      "ZWGK_OUTBOUND_TIMEOUT_MS, 15000, not a number of milliseconds from 1 to 10000",
      "ZWGK_ZONE, Mars/Olympus, unknown time zone",
      "DINGTALK_API_BASE, api.dingtalk.com, not an http(s) URL",
      "DINGTALK_API_BASE, ftp://api.dingtalk.com, not an http(s) URL",
      "ZWGK_PUBLIC_URL, not a url, not an http(s) URL",
      "REDIS_URL, localhost:6379, not a redis:// or rediss:// URL",
      "REDIS_URL, http://localhost:6379, not a redis:// or rediss:// URL",
      "ZWGK_LOG_FORMAT, JSON, use text or json",
      "ZWGK_LOG_FORMAT, logfmt, use text or json",
      "ZWGK_HTTP_MAX_CONNECTIONS_PER_ADDRESS, -1, not a whole number from 0 to 1000000",
      "ZWGK_HTTP_MAX_CONNECTIONS_PER_ADDRESS, many, not a whole number from 0 to 1000000"})
  @DisplayName("bad values are rejected with a message naming the variable")
  void badValues(String name, String value, String problem) {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of(name, value)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(name + ": " + problem);
  }

  @Test
  @DisplayName("all bad variables are reported together in one exception")
  void collectsAllErrors() {
    ConfigException e = catchThrowableOfType(ConfigException.class,
        () -> Settings.fromEnv(Map.of("ZWGK_HTTP_PORT", "x", "ZWGK_DEMO", "perhaps", "ZWGK_ZONE", "Nowhere")));

    assertThat(e.errors()).hasSize(3);
    assertThat(e.getMessage()).contains("ZWGK_HTTP_PORT: ", "ZWGK_DEMO: ", "ZWGK_ZONE: ");
  }

  @Test
  @DisplayName("trailing slashes are dropped from base URLs")
  void trimsTrailingSlash() {
    Settings s = Settings.fromEnv(Map.of("DINGTALK_API_BASE", "http://localhost:1234/", "ZWGK_PUBLIC_URL",
        "https://x.example/zwgk//"));

    assertThat(s.dingtalkApiBase()).isEqualTo("http://localhost:1234");
    assertThat(s.publicUrl()).contains("https://x.example/zwgk");
  }

  @Test
  @DisplayName("toString shows settings but never a secret, token or Redis password")
  void toStringRedactsSecrets() {
    String text = Settings.fromEnv(fullEnv()).toString();

    assertThat(text).doesNotContain("admin-token-42", "dingtalk-secret-42", "redis-pass-42", "metrics-token-42")
        .contains("httpPort=9090", "redis.local:6380", "adminToken=******", "dingtalkAppSecret=******",
            "metricsToken=******");
  }

  @Test
  @DisplayName("a rejected Redis URL is echoed without its password")
  void badRedisUrlRedacted() {
    assertThatThrownBy(() -> Settings.fromEnv(Map.of("REDIS_URL", "http://user:redis-pass-42@host:6379")))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("redis-pass-42")
        .hasMessageContaining("http://******@host:6379");
  }

  @Test
  @DisplayName("a Secret prints as asterisks but keeps its value")
  void secretRedacted() {
    Secret secret = new Secret("s3cr3t");

    assertThat(secret).hasToString("******");
    assertThat(secret.value()).isEqualTo("s3cr3t");
    assertThat(Optional.of(secret).toString()).doesNotContain("s3cr3t");
  }

  @Test
  @DisplayName("every variable fromEnv reads is documented, and every documented variable is read")
  void documentationMatchesReads() {
    Set<String> read = new LinkedHashSet<>();
    Map<String, String> recording = new HashMap<>() {
      @Override
      public String get(Object key) {
        read.add((String) key);
        return super.get(key);
      }

      @Override
      public String getOrDefault(Object key, String defaultValue) {
        read.add((String) key);
        return super.getOrDefault(key, defaultValue);
      }
    };

    Settings.fromEnv(recording);

    Set<String> documented = Settings.ALL_VARIABLES.stream().map(EnvVar::name).collect(Collectors.toSet());
    assertThat(read).hasSize(31).containsExactlyInAnyOrderElementsOf(documented);
  }

  @Test
  @DisplayName("the README table lists every documented variable with its default")
  void documentationTable() {
    String table = Settings.documentationTable();

    assertThat(table).startsWith("| Variable | Default | Meaning |");
    Settings.ALL_VARIABLES.forEach(v -> assertThat(table).contains("| `" + v.name() + "` |"));
    assertThat(table).contains("| `ZWGK_HTTP_PORT` | `8080` |", "| `REDIS_URL` | (unset) |");
  }

  private static Map<String, String> fullEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("ZWGK_HTTP_PORT", "9090");
    env.put("ZWGK_HTTP_HOST", "127.0.0.1");
    env.put("ZWGK_CONFIG_DIR", "/etc/zwgk");
    env.put("ZWGK_DATA_DIR", "/var/lib/zwgk");
    env.put("REDIS_URL", "redis://:redis-pass-42@redis.local:6380/1");
    env.put("ZWGK_ADMIN_TOKEN", "admin-token-42");
    env.put("ZWGK_DEMO", "false");
    env.put("DINGTALK_APP_SECRET", "dingtalk-secret-42");
    env.put("DINGTALK_API_BASE", "http://localhost:8089");
    env.put("ZWGK_OUTBOUND_TIMEOUT_MS", "1500");
    env.put("ZWGK_METRICS_TOKEN", "metrics-token-42");
    env.put("ZWGK_LOG_FORMAT", "json");
    env.put("ZWGK_HTTP_MAX_CONNECTIONS_PER_ADDRESS", "500");
    env.put("ZWGK_PUBLIC_URL", "https://zwgk.example.gov.cn/bot");
    env.put("ZWGK_ZONE", "UTC");
    env.put("UNRELATED", "ignored");
    return env;
  }
}
