package io.zwgk.bot.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deployment settings and secrets, read once from environment variables by {@link #fromEnv(Map)}. Every variable is
 * listed in {@link #DOCUMENTATION}, which also supplies the defaults. {@link #toString()} never shows secret values.
 *
 * @param httpPort port of the HTTP server; 0 picks any free port
 * @param httpHost address the HTTP server binds to
 * @param configDir directory holding the {@code bot-config/} YAML and CSV files
 * @param dataDir directory for imported statistics files and other local data
 * @param redisUrl Redis to use; empty starts an embedded local Redis
 * @param adminToken bearer token for the admin HTTP endpoints; empty disables them
 * @param demo whether to load the demo data set at start
 * @param dingtalkAppSecret DingTalk robot app secret used to verify callback signatures
 * @param dingtalkApiBase DingTalk open API base URL, without a trailing slash
 * @param outboundTimeoutMs timeout of every outbound HTTP request, in milliseconds
 * @param publicUrl base URL of this service for links in messages, without a trailing slash
 * @param zone time zone for reminders, deadlines and month boundaries
 * @param wecomApiBase WeCom API base URL, without a trailing slash
 * @param feishuApiBase Feishu API base URL, without a trailing slash
 * @param robotEnv the set variables of {@link #ROBOT_VARIABLES}: the one-robot-per-platform set-up
 * @param metricsToken bearer token that {@code GET /metrics} requires; empty leaves it open
 * @param logFormat {@code text} or {@code json} (JSON lines); read by logback.xml itself, checked here
 * @param maxConnectionsPerAddress open HTTP connections allowed from one client address; 0 = no limit
 */
public record Settings(
    int httpPort,
    String httpHost,
    Path configDir,
    Path dataDir,
    Optional<String> redisUrl,
    Optional<Secret> adminToken,
    boolean demo,
    Optional<Secret> dingtalkAppSecret,
    String dingtalkApiBase,
    long outboundTimeoutMs,
    Optional<String> publicUrl,
    ZoneId zone,
    String wecomApiBase,
    String feishuApiBase,
    Map<String, Secret> robotEnv,
    Optional<Secret> metricsToken,
    String logFormat,
    int maxConnectionsPerAddress) {

  /** The variable naming the HTTP port, for messages that tell the operator to change it. */
  public static final String HTTP_PORT = "ZWGK_HTTP_PORT";
  private static final String HTTP_HOST = "ZWGK_HTTP_HOST";
  private static final String CONFIG_DIR = "ZWGK_CONFIG_DIR";
  private static final String DATA_DIR = "ZWGK_DATA_DIR";
  private static final String REDIS_URL = "REDIS_URL";
  private static final String ADMIN_TOKEN = "ZWGK_ADMIN_TOKEN";
  private static final String DEMO = "ZWGK_DEMO";
  private static final String DINGTALK_APP_SECRET = "DINGTALK_APP_SECRET";
  private static final String DINGTALK_API_BASE = "DINGTALK_API_BASE";
  private static final String OUTBOUND_TIMEOUT_MS = "ZWGK_OUTBOUND_TIMEOUT_MS";
  /**
   * A send may take a token request and the send itself; both must end within the outbox's 30 s lease, or another
   * instance could claim the lane and send the same message again.
   */
  static final long MAX_OUTBOUND_TIMEOUT_MS = 10_000;
  private static final String PUBLIC_URL = "ZWGK_PUBLIC_URL";
  private static final String ZONE = "ZWGK_ZONE";
  private static final String WECOM_API_BASE = "WECOM_API_BASE";
  private static final String FEISHU_API_BASE = "FEISHU_API_BASE";
  private static final String METRICS_TOKEN = "ZWGK_METRICS_TOKEN";
  private static final String LOG_FORMAT = "ZWGK_LOG_FORMAT";
  private static final List<String> LOG_FORMATS = List.of("text", "json");
  private static final String MAX_CONNECTIONS_PER_ADDRESS = "ZWGK_HTTP_MAX_CONNECTIONS_PER_ADDRESS";

  /** Variables that declare one robot per platform without any bot-config file; see {@link ChatConfig}. */
  public static final List<EnvVar> ROBOT_VARIABLES = List.of(
      new EnvVar("DINGTALK_MODE", "webhook", "DingTalk inbound mode: webhook (HTTP callback) or stream (no public IP needed)"),
      new EnvVar("DINGTALK_CLIENT_ID", "", "DingTalk app AppKey/clientId (Stream mode, OpenAPI sends)"),
      new EnvVar("DINGTALK_CLIENT_SECRET", "", "Secret: DingTalk app clientSecret (Stream mode, OpenAPI sends); unset = DINGTALK_APP_SECRET"),
      new EnvVar("WECOM_MODE", "webhook", "WeCom 智能机器人 inbound mode: webhook or long-connection"),
      new EnvVar("WECOM_TOKEN", "", "Secret: WeCom callback Token"),
      new EnvVar("WECOM_ENCODING_AES_KEY", "", "Secret: WeCom callback EncodingAESKey (43 characters)"),
      new EnvVar("WECOM_RECEIVE_ID", "", "WeCom receiveid (corp id); empty for 智能机器人"),
      new EnvVar("WECOM_BOT_ID", "", "WeCom 智能机器人 BotID (long-connection mode)"),
      new EnvVar("WECOM_BOT_SECRET", "", "Secret: WeCom 智能机器人 Secret (long-connection mode)"),
      new EnvVar("FEISHU_MODE", "webhook", "Feishu inbound mode: webhook or long-connection"),
      new EnvVar("FEISHU_VERIFICATION_TOKEN", "", "Secret: Feishu event Verification Token"),
      new EnvVar("FEISHU_ENCRYPT_KEY", "", "Secret: Feishu event Encrypt Key"),
      new EnvVar("FEISHU_APP_ID", "", "Feishu app App ID (reply API)"),
      new EnvVar("FEISHU_APP_SECRET", "", "Secret: Feishu app App Secret (reply API)"));

  /** Every environment variable the service reads, with its default and meaning; the README table mirrors it. */
  public static final List<EnvVar> DOCUMENTATION = List.of(
      new EnvVar(HTTP_PORT, "8080", "HTTP port for platform callbacks and admin endpoints (0 = any free port)"),
      new EnvVar(HTTP_HOST, "0.0.0.0", "Address the HTTP server binds to"),
      new EnvVar(CONFIG_DIR, "./bot-config", "Directory with units.yaml, office.yaml and the other bot-config files"),
      new EnvVar(DATA_DIR, "./data", "Directory of the embedded Redis (AOF files, redis.port, redis-server.log, the zwgk.lock of its one service); used only without REDIS_URL"),
      new EnvVar(REDIS_URL, "", "Redis URL (redis://, rediss://, redis-sentinel://); unset = start and supervise a local redis-server"),
      new EnvVar(ADMIN_TOKEN, "", "Secret bearer token for the admin endpoints; unset = admin endpoints disabled"),
      new EnvVar(DEMO, "true", "Load bot-config/demo/ into an empty store at first start (true/false, 1/0, yes/no)"),
      new EnvVar(DINGTALK_APP_SECRET, "", "Secret: DingTalk robot AppSecret, used to verify callback signatures"),
      new EnvVar(DINGTALK_API_BASE, "https://api.dingtalk.com", "DingTalk open API base URL"),
      new EnvVar(OUTBOUND_TIMEOUT_MS, "5000", "Timeout of every outbound HTTP request, in milliseconds (at most 10000)"),
      new EnvVar(PUBLIC_URL, "", "Public base URL of this service, used for links in messages; unset = no links"),
      new EnvVar(ZONE, "Asia/Shanghai", "Time zone for reminders, deadlines and month boundaries"),
      new EnvVar(WECOM_API_BASE, "https://qyapi.weixin.qq.com", "WeCom API base URL (group robot webhooks, app APIs)"),
      new EnvVar(FEISHU_API_BASE, "https://open.feishu.cn", "Feishu API base URL (tokens, reply API, custom bots)"),
      new EnvVar(METRICS_TOKEN, "", "Secret bearer token for GET /metrics; unset = /metrics open to whoever reaches the port"),
      new EnvVar(LOG_FORMAT, "text", "Log format on stderr: text (one line per event) or json (one JSON object per line)"),
      new EnvVar(MAX_CONNECTIONS_PER_ADDRESS, "64", "Open HTTP connections allowed from one client address; more are closed at once (0 = no limit; raise it behind a reverse proxy)"));

  /** {@link #DOCUMENTATION} and {@link #ROBOT_VARIABLES}: every variable, as the README table lists them. */
  public static final List<EnvVar> ALL_VARIABLES = concat(DOCUMENTATION, ROBOT_VARIABLES);

  public Settings {
    Objects.requireNonNull(httpHost, "httpHost");
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(redisUrl, "redisUrl");
    Objects.requireNonNull(adminToken, "adminToken");
    Objects.requireNonNull(dingtalkAppSecret, "dingtalkAppSecret");
    Objects.requireNonNull(dingtalkApiBase, "dingtalkApiBase");
    Objects.requireNonNull(publicUrl, "publicUrl");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(wecomApiBase, "wecomApiBase");
    Objects.requireNonNull(feishuApiBase, "feishuApiBase");
    robotEnv = Map.copyOf(robotEnv);
    Objects.requireNonNull(metricsToken, "metricsToken");
    if (!LOG_FORMATS.contains(logFormat)) {
      throw new IllegalArgumentException("logFormat must be text or json: " + logFormat);
    }
    if (httpPort < 0 || httpPort > 65535) {
      throw new IllegalArgumentException("httpPort out of range: " + httpPort);
    }
    if (maxConnectionsPerAddress < 0) {
      throw new IllegalArgumentException("maxConnectionsPerAddress must not be negative: " + maxConnectionsPerAddress);
    }
    if (outboundTimeoutMs <= 0) {
      throw new IllegalArgumentException("outboundTimeoutMs must be positive: " + outboundTimeoutMs);
    }
  }

  /**
   * Parses the settings from an environment map (pass {@code System.getenv()}). Unset or blank variables take their
   * documented defaults.
   *
   * @throws ConfigException listing every bad variable, each message starting with the variable name
   */
  public static Settings fromEnv(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    EnvReader r = new EnvReader(env, ALL_VARIABLES);
    Settings settings = new Settings(
        r.port(HTTP_PORT),
        r.text(HTTP_HOST),
        r.path(CONFIG_DIR),
        r.path(DATA_DIR),
        r.optionalRedisUrl(REDIS_URL),
        r.secret(ADMIN_TOKEN),
        r.flag(DEMO),
        r.secret(DINGTALK_APP_SECRET),
        r.httpUrl(DINGTALK_API_BASE),
        r.positiveMillis(OUTBOUND_TIMEOUT_MS, MAX_OUTBOUND_TIMEOUT_MS,
            "a token request and a send must end within the outbox's 30 s lease"),
        r.optionalHttpUrl(PUBLIC_URL),
        r.zone(ZONE),
        r.httpUrl(WECOM_API_BASE),
        r.httpUrl(FEISHU_API_BASE),
        robotEnv(r),
        r.secret(METRICS_TOKEN),
        logFormat(r),
        r.nonNegativeInt(MAX_CONNECTIONS_PER_ADDRESS, 1_000_000));
    r.errors().throwIfAny();
    return settings;
  }

  private static String logFormat(EnvReader r) {
    String value = r.text(LOG_FORMAT);
    if (LOG_FORMATS.contains(value)) {
      return value;
    }
    r.errors().add(LOG_FORMAT, "use text or json: \"" + value + "\"");
    return LOG_FORMATS.get(0);
  }

  private static Map<String, Secret> robotEnv(EnvReader r) {
    Map<String, Secret> values = new java.util.LinkedHashMap<>();
    for (EnvVar v : ROBOT_VARIABLES) {
      Optional<Secret> value = r.secret(v.name());
      if (value.isPresent()) {
        values.put(v.name(), value.get());
      } else if (!v.defaultValue().isEmpty()) {
        values.put(v.name(), new Secret(v.defaultValue()));
      }
    }
    return values;
  }

  private static List<EnvVar> concat(List<EnvVar> a, List<EnvVar> b) {
    List<EnvVar> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  /** {@link #DOCUMENTATION} as a Markdown table ({@code | Variable | Default | Meaning |}) for the README. */
  public static String documentationTable() {
    String rows = ALL_VARIABLES.stream()
        .map(v -> "| `" + v.name() + "` | " + (v.defaultValue().isEmpty() ? "(unset)" : "`" + v.defaultValue() + "`")
            + " | " + v.meaning() + " |")
        .collect(Collectors.joining("\n"));
    return "| Variable | Default | Meaning |\n|---|---|---|\n" + rows + "\n";
  }

  @Override
  public String toString() {
    return "Settings[httpPort=" + httpPort
        + ", httpHost=" + httpHost
        + ", configDir=" + configDir
        + ", dataDir=" + dataDir
        + ", redisUrl=" + redisUrl.map(EnvReader::redactCredentials).orElse("(embedded)")
        + ", adminToken=" + adminToken.map(Secret::toString).orElse("(unset)")
        + ", demo=" + demo
        + ", dingtalkAppSecret=" + dingtalkAppSecret.map(Secret::toString).orElse("(unset)")
        + ", dingtalkApiBase=" + dingtalkApiBase
        + ", outboundTimeoutMs=" + outboundTimeoutMs
        + ", publicUrl=" + publicUrl.orElse("(unset)")
        + ", zone=" + zone
        + ", wecomApiBase=" + wecomApiBase
        + ", feishuApiBase=" + feishuApiBase
        + ", robotEnv=" + robotEnv
        + ", metricsToken=" + metricsToken.map(Secret::toString).orElse("(unset)")
        + ", logFormat=" + logFormat
        + ", maxConnectionsPerAddress=" + maxConnectionsPerAddress + "]";
  }
}
